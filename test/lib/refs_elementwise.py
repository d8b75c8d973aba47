"""numpy references of the elementwise operators, written from the ONNX
operator specifications in float64 and independent of edgec's lowering (which
uses polynomials and Kahan's log1p/expm1 where these use libm through numpy
and math). Each takes and returns arrays; callers cast to the output type.
"""
import math

import numpy as np

_erf = np.vectorize(math.erf, otypes=[np.float64])

# Selu's defaults in ONNX (float32 constants).
SELU_ALPHA = 1.67326319217681884765625
SELU_GAMMA = 1.05070102214813232421875


def f64(x):
    return np.asarray(x, np.float64)


def erf(x):
    return _erf(f64(x))


def gelu(x):
    """x * (1 + erf(x / sqrt(2))) / 2, as torch's nn.GELU."""
    x = f64(x)
    return x * 0.5 * (1 + erf(x / math.sqrt(2)))


def softplus(x):
    x = f64(x)
    return np.logaddexp(0, x)


def softsign(x):
    x = f64(x)
    return x / (1 + np.abs(x))


def hard_sigmoid(x, alpha=0.2, beta=0.5):
    return np.clip(alpha * f64(x) + beta, 0, 1)


def hard_swish(x):
    x = f64(x)
    return x * np.clip(x / 6 + 0.5, 0, 1)


def leaky_relu(x, alpha=0.01):
    x = f64(x)
    return np.where(x < 0, alpha * x, x)


def elu(x, alpha=1.0):
    x = f64(x)
    return np.where(x < 0, alpha * np.expm1(np.minimum(x, 0)), x)


def selu(x, alpha=SELU_ALPHA, gamma=SELU_GAMMA):
    x = f64(x)
    return gamma * np.where(x <= 0, alpha * np.expm1(np.minimum(x, 0)), x)


def celu(x, alpha=1.0):
    x = f64(x)
    return np.maximum(0, x) + np.minimum(0, alpha * np.expm1(x / alpha))


def thresholded_relu(x, alpha=1.0):
    x = f64(x)
    return np.where(x > alpha, x, 0)


def shrink(x, bias=0.0, lambd=0.5):
    x = f64(x)
    return np.where(x < -lambd, x + bias, np.where(x > lambd, x - bias, 0))


def prelu(x, slope):
    x = f64(x)
    return np.where(x < 0, f64(slope) * x, x)


def mod(a, b, fmod=0):
    """ONNX Mod: C's fmod with fmod=1, else Python's % (numpy.mod)."""
    return np.fmod(a, b) if fmod else np.mod(a, b)


def _self_test():
    def check(what, got, want):
        if not np.allclose(got, want, rtol=1e-12, atol=1e-12, equal_nan=True):
            raise SystemExit(f"self-test {what}: got {got}, want {want}")

    check("erf", erf([0.0, 1.0]), [0.0, 0.8427007929497149])
    check("gelu", gelu([1.0]), [0.8413447460685429])
    check("softplus", softplus([0.0, 1000.0]), [math.log(2), 1000.0])
    check("hard_swish", hard_swish([-3, 0, 1, 3]), [0, 0, 2 / 3, 3])
    check("selu", selu([1.0]), [SELU_GAMMA])
    check("celu", celu([-1.0], alpha=2.0), [2 * (math.exp(-0.5) - 1)])
    check("shrink", shrink([-1, 0.2, 1], bias=0.5), [-0.5, 0, 0.5])
    check("mod", mod(np.array([-5, 5]), np.array([3, -3])), [1, -1])
    check("fmod", mod(np.array([-5, 5]), np.array([3, -3]), 1), [-2, 2])
    print("refs_elementwise self-test passed")


if __name__ == "__main__":
    _self_test()
