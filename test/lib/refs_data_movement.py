"""numpy references of the data movement operators whose rule is long
enough to share: Resize (and Upsample), written from the ONNX operator
specification and its reference implementation (a 1-D interpolation per
axis, applied recursively), in float64.

    import refs_data_movement as refs
    y = refs.resize(x, scales=[1, 1, 2, 2], mode="linear",
                    coordinate_transformation_mode="half_pixel")
"""
# lit finds this file too (test/lib holds .py files); it then checks the
# references against hand-computed values.
# RUN: %python %s --self-test
import sys

import numpy as np


def _nearest_coeffs(ratio, mode):
    if ratio == 1 or float(ratio).is_integer():
        return np.array([0.0, 1.0])
    if mode == "round_prefer_floor":
        return np.array([ratio <= 0.5, ratio > 0.5], float)
    if mode == "round_prefer_ceil":
        return np.array([ratio < 0.5, ratio >= 0.5], float)
    if mode == "floor":
        return np.array([1.0, 0.0])
    if mode == "ceil":
        return np.array([0.0, 1.0])
    raise ValueError(mode)


def _linear_coeffs(ratio):
    return np.array([1 - ratio, ratio])


def _cubic_coeffs(ratio, a):
    r = ratio
    return np.array([
        ((a * (r + 1) - 5 * a) * (r + 1) + 8 * a) * (r + 1) - 4 * a,
        ((a + 2) * r - (a + 3)) * r * r + 1,
        ((a + 2) * (1 - r) - (a + 3)) * (1 - r) * (1 - r) + 1,
        ((a * ((1 - r) + 1) - 5 * a) * ((1 - r) + 1) + 8 * a) *
        ((1 - r) + 1) - 4 * a,
    ])


def _neighbors(x, n, data):
    """The n entries of `data` nearest to position x (the ones before x on
    ties), reading past the ends as the edge values."""
    pad = int(np.ceil(n / 2))
    padded = np.pad(data, pad, mode="edge")
    x = x + pad
    idx = sorted(range(len(padded)), key=lambda i: (abs(x - i), i))[:n]
    idx = np.array(sorted(idx))
    return idx - pad, padded[idx]


def _interpolate_1d(data, scale, out_size, x, coeffs, roi, extrapolation,
                    mode, exclude_outside):
    n_in = len(data)
    length = scale * n_in
    if mode == "align_corners":
        orig = 0.0 if length == 1 else x * (n_in - 1) / (length - 1)
    elif mode == "asymmetric":
        orig = x / scale
    elif mode == "tf_crop_and_resize":
        if length == 1:
            orig = (roi[1] - roi[0]) * (n_in - 1) / 2
        else:
            orig = x * (roi[1] - roi[0]) * (n_in - 1) / (length - 1)
        orig += roi[0] * (n_in - 1)
        if orig < 0 or orig > n_in - 1:
            return extrapolation
    elif mode == "pytorch_half_pixel":
        orig = (x + 0.5) / scale - 0.5 if out_size > 1 else 0.0
    elif mode == "half_pixel":
        orig = (x + 0.5) / scale - 0.5
    elif mode == "tf_half_pixel_for_nn":
        orig = (x + 0.5) / scale
    else:
        raise ValueError(mode)
    base = int(np.floor(orig))
    ratio = 1.0 if float(orig).is_integer() else orig - base
    c = np.asarray(coeffs(ratio), float)
    idx, points = _neighbors(orig, len(c), data)
    if exclude_outside:
        c = np.where((idx < 0) | (idx >= n_in), 0.0, c)
        c = c / c.sum()
    return float(np.dot(c, points))


def _interpolate_nd(data, scales, out_shape, pos, coeffs, roi, **kw):
    if data.ndim == 1:
        return _interpolate_1d(data, scales[0], out_shape[0], pos[0], coeffs,
                               roi[[0, 1]] if roi is not None else None, **kw)
    rank = data.ndim
    inner = [_interpolate_nd(data[i], scales[1:], out_shape[1:], pos[1:],
                             coeffs,
                             roi[[j for j in range(2 * rank)
                                  if j not in (0, rank)]]
                             if roi is not None else None, **kw)
             for i in range(data.shape[0])]
    return _interpolate_1d(np.array(inner), scales[0], out_shape[0], pos[0],
                           coeffs, roi[[0, rank]] if roi is not None else None,
                           **kw)


def resize(x, scales=None, sizes=None, mode="nearest",
           coordinate_transformation_mode="half_pixel",
           nearest_mode="round_prefer_floor", cubic_coeff_a=-0.75,
           exclude_outside=False, extrapolation_value=0.0, roi=None):
    """ONNX Resize (versions 11 and 13) of `x`, in float64, returned in the
    type of `x`. `scales` are float32 as in a model."""
    data = np.asarray(x, np.float64)
    if sizes is not None:
        out_shape = list(sizes)
        scales = [s / n for s, n in zip(sizes, data.shape)]
    else:
        scales = [float(np.float32(s)) for s in scales]
        out_shape = [int(np.floor(n * s)) for n, s in zip(data.shape, scales)]
    if mode == "nearest":
        coeffs = lambda r: _nearest_coeffs(r, nearest_mode)
    elif mode == "linear":
        coeffs = _linear_coeffs
    else:
        coeffs = lambda r: _cubic_coeffs(r, cubic_coeff_a)
    roi = np.asarray(roi, np.float64) if roi is not None else None
    y = np.empty(out_shape)
    for pos in np.ndindex(*out_shape):
        y[pos] = _interpolate_nd(
            data, scales, out_shape, pos, coeffs, roi,
            extrapolation=extrapolation_value,
            mode=coordinate_transformation_mode,
            exclude_outside=exclude_outside)
    return y.astype(np.asarray(x).dtype)


def _self_test():
    def check(what, got, want):
        if not np.allclose(got, want, rtol=1e-6, atol=1e-6):
            raise SystemExit(f"self-test {what}: got\n{got}\nwant\n{want}")

    row = np.array([[1.0, 2.0, 3.0, 4.0]], np.float32)
    # Nearest, asymmetric and floor: repeat each element.
    check("nearest x2", resize(row, [1, 2], coordinate_transformation_mode=
                               "asymmetric", nearest_mode="floor"),
          [[1, 1, 2, 2, 3, 3, 4, 4]])
    # Linear, half_pixel x2: quarter steps, edges clamped.
    check("linear x2", resize(row, [1, 2], mode="linear"),
          [[1, 1.25, 1.75, 2.25, 2.75, 3.25, 3.75, 4]])
    # align_corners downsampling to 2: the two end elements.
    check("align_corners", resize(row, sizes=[1, 2], mode="linear",
                                  coordinate_transformation_mode=
                                  "align_corners"), [[1, 4]])
    # Cubic at exact positions reproduces the input.
    check("cubic identity", resize(row, [1, 1], mode="cubic"), row)
    # tf_crop_and_resize outside the roi extrapolates.
    check("crop", resize(row, sizes=[1, 3], mode="linear",
                         coordinate_transformation_mode="tf_crop_and_resize",
                         roi=[0, 0.5, 1, 1.5], extrapolation_value=-1),
          [[2.5, 4, -1]])
    print("refs_data_movement self-test passed")


if __name__ == "__main__" and "--self-test" in sys.argv:
    _self_test()
