# Slice, Split, Pad, Tile and Expand end to end: every element type, every
# version's form of the shape-like inputs, clamping, negative steps and
# negative pads. Results are exact (data movement does not compute).
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import numpy as np
from onnx import helper

import edgec_testing as et

s = et.Suite("data_movement_slice")
EXACT = 0.0
i64 = lambda *v: np.array(v, np.int64)

x = s.randn(4, 5, 6)
xi = np.arange(4 * 5 * 6, dtype=np.int64).reshape(4, 5, 6)
xb = (xi % 3 == 0)
INT_MAX = 2**63 - 1


def slice_case(name, x, starts, ends, axes=None, steps=None, opset=13):
    sl = [slice(None)] * x.ndim
    for i, (st, en) in enumerate(zip(starts, ends)):
        ax = axes[i] if axes is not None else i
        sl[ax] = slice(st, en, steps[i] if steps is not None else None)
    weights = {"starts": i64(*starts), "ends": i64(*ends)}
    if axes is not None:
        weights["axes"] = i64(*axes)
    if steps is not None:
        weights["steps"] = i64(*steps)
    s.node(name, "Slice", {"x": x}, {"y": x[tuple(sl)]}, weights,
           opset=opset, tolerance=EXACT)


slice_case("slice_basic", x, [1, 0], [3, 4])
slice_case("slice_axes", x, [2], [5], axes=[2])
slice_case("slice_negative_axes_starts", x, [-3], [-1], axes=[-1])
slice_case("slice_clamped_ends", x, [1, -100], [1000, 100], axes=[1, 2])
slice_case("slice_int_max_end", x, [2], [INT_MAX], axes=[0])
slice_case("slice_steps", x, [0, 1], [6, 5], axes=[2, 1], steps=[2, 3])
slice_case("slice_negative_step", x, [-1], [-INT_MAX], axes=[2], steps=[-1])
slice_case("slice_negative_step_2", x, [4, 3], [0, -100], axes=[1, 0],
           steps=[-2, -1])
slice_case("slice_int64", xi, [1, 2], [3, 6], axes=[0, 2], steps=[1, 2])
slice_case("slice_bool", xb, [0], [5], axes=[1], steps=[2])
slice_case("slice_opset10", x, [1], [3], axes=[0], opset=10)
slice_case("slice_opset11", x, [-2], [10], axes=[-2], steps=[1], opset=11)
s.node("slice_opset1_attributes", "Slice", {"x": x}, {"y": x[:, 1:4, -2:]},
       opset=1, starts=[1, -2], ends=[4, 100], axes=[1, 2], tolerance=EXACT)
s.node("slice_opset1_no_axes", "Slice", {"x": x}, {"y": x[1:2, 0:3]},
       opset=1, starts=[1, 0], ends=[2, 3], tolerance=EXACT)

# Split: equal parts, given sizes (attribute before 13, input since).
parts = np.split(x, [2, 3], axis=2)
s.node("split_sizes_input", "Split", {"x": x},
       {"a": parts[0], "b": parts[1], "c": parts[2]},
       {"split": i64(2, 1, 3)}, axis=2, tolerance=EXACT)
s.node("split_equal", "Split", {"x": x},
       dict(zip("ab", np.split(x, 2, axis=0))), tolerance=EXACT)
s.node("split_negative_axis_opset11", "Split", {"x": x},
       dict(zip("abc", np.split(x, [1, 3], axis=-1))), opset=11, axis=-1,
       split=[1, 2, 3], tolerance=EXACT)
s.node("split_opset2_equal", "Split", {"x": xi},
       dict(zip("abc", np.split(xi, 3, axis=2))), opset=2, axis=2,
       tolerance=EXACT)

# Pad.
def pad_ref(x, pads, mode="constant", value=0):
    r = x.ndim
    lo, hi = pads[:r], pads[r:]
    crop = tuple(slice(max(-l, 0), x.shape[i] - max(-h, 0))
                 for i, (l, h) in enumerate(zip(lo, hi)))
    x = x[crop]
    width = [(max(l, 0), max(h, 0)) for l, h in zip(lo, hi)]
    if mode == "constant":
        return np.pad(x, width, mode="constant", constant_values=value)
    return np.pad(x, width, mode=mode)


img = s.randn(1, 2, 5, 6)
for mode in ("constant", "reflect", "edge"):
    pads = [0, 0, 2, 1, 0, 0, 1, 3]
    s.node(f"pad_{mode}", "Pad", {"x": img}, {"y": pad_ref(img, pads, mode)},
           {"pads": i64(*pads)}, mode=mode, tolerance=EXACT)
pads = [0, 1, -1, 2, 1, 0, 2, -2]
s.node("pad_negative_crops", "Pad", {"x": img}, {"y": pad_ref(img, pads)},
       {"pads": i64(*pads)}, tolerance=EXACT)
s.node("pad_negative_reflect", "Pad", {"x": img},
       {"y": pad_ref(img, pads, "reflect")}, {"pads": i64(*pads)},
       mode="reflect", tolerance=EXACT)
s.node("pad_reflect_wider_than_input", "Pad", {"x": img},
       {"y": pad_ref(img, [0, 0, 0, 7, 0, 0, 9, 0], "reflect")},
       {"pads": i64(0, 0, 0, 7, 0, 0, 9, 0)}, mode="reflect",
       tolerance=EXACT)
s.node("pad_constant_value", "Pad", {"x": img},
       {"y": pad_ref(img, [0, 0, 1, 1, 0, 0, 1, 1], value=-2.5)},
       {"pads": i64(0, 0, 1, 1, 0, 0, 1, 1),
        "value": np.array(-2.5, np.float32)}, tolerance=EXACT)
s.node("pad_int64_value", "Pad", {"x": xi},
       {"y": pad_ref(xi, [1, 0, 0, 0, 2, 1], value=-7)},
       {"pads": i64(1, 0, 0, 0, 2, 1), "value": np.array(-7, np.int64)},
       tolerance=EXACT)
s.node("pad_uint8_edge", "Pad", {"x": xi.astype(np.uint8)},
       {"y": pad_ref(xi.astype(np.uint8), [0, 2, 1, 0, 0, 1], "edge")},
       {"pads": i64(0, 2, 1, 0, 0, 1)}, mode="edge", tolerance=EXACT)
s.node("pad_bool", "Pad", {"x": xb},
       {"y": pad_ref(xb, [1, 0, 0, 0, 0, 1], value=True)},
       {"pads": i64(1, 0, 0, 0, 0, 1), "value": np.array(True)},
       tolerance=EXACT)
s.node("pad_opset2_attributes", "Pad", {"x": img},
       {"y": pad_ref(img, [0, 0, 1, 2, 0, 0, 2, 1], value=1.5)}, opset=2,
       pads=[0, 0, 1, 2, 0, 0, 2, 1], value=1.5, tolerance=EXACT)
s.node("pad_opset1_paddings", "Pad", {"x": img},
       {"y": pad_ref(img, [0, 0, 1, 2, 0, 0, 2, 1], "edge")}, opset=1,
       paddings=[0, 0, 1, 2, 0, 0, 2, 1], mode="edge", tolerance=EXACT)
s.node("pad_opset11", "Pad", {"x": img},
       {"y": pad_ref(img, [0, 0, 1, 1, 0, 0, 1, 1], "reflect")},
       {"pads": i64(0, 0, 1, 1, 0, 0, 1, 1)}, opset=11, mode="reflect",
       tolerance=EXACT)

# Tile and Expand.
t = s.randn(2, 3, 1)
s.node("tile", "Tile", {"x": t}, {"y": np.tile(t, (2, 1, 3))},
       {"repeats": i64(2, 1, 3)}, tolerance=EXACT)
s.node("tile_int32", "Tile", {"x": xi[:2, :2, :2].astype(np.int32)},
       {"y": np.tile(xi[:2, :2, :2].astype(np.int32), (1, 3, 2))},
       {"repeats": i64(1, 3, 2)}, tolerance=EXACT)
s.node("tile_opset6", "Tile", {"x": t}, {"y": np.tile(t, (1, 2, 2))},
       {"repeats": i64(1, 2, 2)}, opset=6, tolerance=EXACT)
e = s.randn(3, 1)
s.node("expand_to_larger_rank", "Expand", {"x": e},
       {"y": np.broadcast_to(e, (2, 3, 4))}, {"shape": i64(2, 3, 4)},
       tolerance=EXACT)
s.node("expand_bidirectional", "Expand", {"x": e},
       {"y": e * np.ones((3, 1, 1), np.float32)}, {"shape": i64(3, 1, 1)},
       tolerance=EXACT)
s.node("expand_ones_shape", "Expand", {"x": e}, {"y": e}, {"shape": i64(1)},
       tolerance=EXACT)
s.node("expand_bool_opset8", "Expand", {"x": xb[:, :1, :]},
       {"y": np.broadcast_to(xb[:, :1, :], (4, 3, 6))},
       {"shape": i64(4, 3, 6)}, opset=8, tolerance=EXACT)

s.main()
