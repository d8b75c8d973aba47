# Resize (versions 10, 11, 13) and Upsample (7, 9) end to end against the
# reference of test/lib/refs_data_movement.py: every nearest_mode, linear
# and cubic interpolation under every coordinate_transformation_mode,
# scales and sizes, up- and downsampling. Nearest results are exact;
# linear and cubic ones are float32 sums of products, held to the fp32
# tolerance.
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np

import edgec_testing as et
import refs_data_movement as refs

s = et.Suite("data_movement_resize")
EXACT = 0.0
f32 = lambda *v: np.array(v, np.float32)
i64 = lambda *v: np.array(v, np.int64)
EMPTY = np.zeros(0, np.float32)

x = s.randn(2, 3, 5, 7)


def resize(name, x, scales=None, sizes=None, opset=13, tolerance=None,
           roi=None, **attrs):
    kw = {k: v for k, v in attrs.items()}
    expected = refs.resize(x, scales=scales, sizes=sizes, roi=roi, **kw)
    weights = {"roi": np.asarray(roi, np.float32) if roi is not None
               else EMPTY}
    if scales is not None:
        weights["scales"] = np.asarray(scales, np.float32)
    else:
        weights["scales"] = EMPTY
        weights["sizes"] = np.asarray(sizes, np.int64)
    if tolerance is None:
        tolerance = EXACT if attrs.get("mode", "nearest") == "nearest" \
            else et.FP32_TOLERANCE
    s.node(name, "Resize", {"x": x}, {"y": expected}, weights,
           order=["x", *weights], opset=opset, tolerance=tolerance, **attrs)


for nearest_mode in ("round_prefer_floor", "round_prefer_ceil", "floor",
                     "ceil"):
    for coords in ("half_pixel", "asymmetric", "align_corners",
                   "tf_half_pixel_for_nn"):
        resize(f"nearest_{nearest_mode}_{coords}", x,
               sizes=[2, 3, 8, 4], nearest_mode=nearest_mode,
               coordinate_transformation_mode=coords)
resize("nearest_scales_x2", x, scales=[1, 1, 2, 2])
resize("nearest_downsample_scales", x, scales=[1, 1, 0.6, 0.5])
resize("nearest_int64_data", (x * 10).astype(np.int64), scales=[1, 1, 2, 3],
       coordinate_transformation_mode="asymmetric", nearest_mode="floor")
resize("nearest_uint8_data", (np.abs(x) * 40).astype(np.uint8),
       sizes=[2, 3, 3, 9])

for coords in ("half_pixel", "pytorch_half_pixel", "align_corners",
               "asymmetric"):
    resize(f"linear_up_{coords}", x, scales=[1, 1, 2, 2], mode="linear",
           coordinate_transformation_mode=coords)
    resize(f"linear_sizes_{coords}", x, sizes=[2, 3, 3, 10], mode="linear",
           coordinate_transformation_mode=coords)
    resize(f"cubic_up_{coords}", x, scales=[1, 1, 1.5, 2], mode="cubic",
           coordinate_transformation_mode=coords)
resize("linear_downsample_non_integer_scales", x, scales=[1, 1, 0.6, 0.4],
       mode="linear")
resize("linear_pytorch_half_pixel_to_one", x, sizes=[2, 3, 1, 4],
       mode="linear", coordinate_transformation_mode="pytorch_half_pixel")
resize("linear_all_dims", x, scales=[2, 1, 1.5, 1], mode="linear")
resize("linear_3d", x[0], sizes=[3, 9, 4], mode="linear")
resize("cubic_downsample", x, scales=[1, 1, 0.8, 0.6], mode="cubic")
resize("cubic_a_exclude_outside", x, scales=[1, 1, 2, 1.5], mode="cubic",
       cubic_coeff_a=-0.5, exclude_outside=1)
resize("linear_tf_crop_and_resize", x, sizes=[2, 3, 4, 6], mode="linear",
       coordinate_transformation_mode="tf_crop_and_resize",
       roi=[0, 0, 0.2, -0.1, 1, 1, 0.9, 1.3], extrapolation_value=-3.0)
resize("nearest_tf_crop_and_resize", x, sizes=[2, 3, 4, 6],
       coordinate_transformation_mode="tf_crop_and_resize",
       roi=[0, 0, 0.2, 0.1, 1, 1, 0.9, 1.3])
resize("linear_opset11", x, scales=[1, 1, 2, 2], mode="linear", opset=11)

# Resize-13 leaves roi and scales out.
s.node("resize13_sizes_only", "Resize", {"x": x},
       {"y": refs.resize(x, sizes=[2, 3, 10, 14], mode="linear")},
       {"sizes": i64(2, 3, 10, 14)}, order=["x", "", "", "sizes"],
       mode="linear", tolerance=et.FP32_TOLERANCE)
s.node("resize13_scales_no_roi", "Resize", {"x": x},
       {"y": refs.resize(x, scales=[1, 1, 3, 2])},
       {"scales": f32(1, 1, 3, 2)}, order=["x", "", "scales"],
       tolerance=EXACT)

# Resize-10, Upsample-7 and Upsample-9: asymmetric, nearest rounds down.
old = dict(coordinate_transformation_mode="asymmetric", nearest_mode="floor")
s.node("resize10_nearest", "Resize", {"x": x},
       {"y": refs.resize(x, scales=[1, 1, 2, 3], **old)},
       {"scales": f32(1, 1, 2, 3)}, opset=10, tolerance=EXACT)
s.node("resize10_linear", "Resize", {"x": x},
       {"y": refs.resize(x, scales=[1, 1, 2, 1.5], mode="linear", **old)},
       {"scales": f32(1, 1, 2, 1.5)}, opset=10, mode="linear",
       tolerance=et.FP32_TOLERANCE)
s.node("upsample9_nearest", "Upsample", {"x": x},
       {"y": refs.resize(x, scales=[1, 1, 2, 2], **old)},
       {"scales": f32(1, 1, 2, 2)}, opset=9, tolerance=EXACT)
s.node("upsample9_linear", "Upsample", {"x": x},
       {"y": refs.resize(x, scales=[1, 1, 2, 2], mode="linear", **old)},
       {"scales": f32(1, 1, 2, 2)}, opset=9, mode="linear",
       tolerance=et.FP32_TOLERANCE)
s.node("upsample7_attribute", "Upsample", {"x": x},
       {"y": refs.resize(x, scales=[1, 1, 3, 2], **old)}, opset=7,
       scales=[1.0, 1.0, 3.0, 2.0], tolerance=EXACT)

s.main()
