"""Float64 numpy references of the pooling family's operators that
edgec_testing.ref does not have, written from the ONNX specifications."""
import numpy as np

import edgec_testing as et


def lp_pool(x, kernel, p, strides=None, pads=None, auto_pad="NOTSET"):
    """LpPool: (sum of |x|^p over the window)^(1/p); padding adds zeros.
    Windows of any rank."""
    x = np.abs(np.asarray(x, np.float64)) ** p
    rank = len(kernel)
    strides = strides or [1] * rank
    ones = [1] * rank
    pads = et.ref.window_pads(x.shape[2:], kernel, strides, ones, pads,
                              auto_pad)
    xp = np.pad(x, [(0, 0), (0, 0)] + [(pads[i], pads[i + rank])
                                       for i in range(rank)])
    out = [(xp.shape[2 + i] - kernel[i]) // strides[i] + 1
           for i in range(rank)]
    y = sum(v for _, v in et.ref._windows(xp, kernel, strides, ones, out))
    return (y ** (1.0 / p)).astype(np.float32)
