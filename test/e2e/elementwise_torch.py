# Activations and elementwise functions as Debian's torch 1.13 exports them
# (GELU as an Erf chain, Mish and SiLU decomposed, Hardswish, PReLU with a
# per-channel slope, clamp with tensor bounds, ...), at opsets 13 and 17,
# against PyTorch's own float32 outputs (relative L2 <= 1e-5).
# REQUIRES: torch
# RUN: %python %s host %if aarch64-emulation %{ rpi4 %}
import io
import warnings

import numpy as np
import onnx
import torch
from torch import nn

import edgec_testing as et

s = et.Suite("elementwise_torch")
# torch.tensor bounds are traced as constants, which is what is meant here.
warnings.filterwarnings("ignore", category=torch.jit.TracerWarning)
torch.manual_seed(0)


class Fn(nn.Module):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def forward(self, x):
        return self.fn(x)


MODULES = {
    "gelu": nn.GELU(),
    "gelu_tanh": nn.GELU(approximate="tanh"),
    "silu": nn.SiLU(),
    "mish": nn.Mish(),
    "hardswish": nn.Hardswish(),
    "hardsigmoid": nn.Hardsigmoid(),
    "relu6": nn.ReLU6(),
    "elu": nn.ELU(alpha=0.7),
    "selu": nn.SELU(),
    "celu": nn.CELU(alpha=1.5),
    "leaky_relu": nn.LeakyReLU(0.1),
    "prelu": nn.PReLU(num_parameters=4, init=0.2),
    "softplus": nn.Softplus(),
    "softsign": nn.Softsign(),
    "tanh": nn.Tanh(),
    "tanhshrink": nn.Tanhshrink(),
    "hardtanh": nn.Hardtanh(-0.5, 1.5),
    "softshrink": nn.Softshrink(0.3),
    "hardshrink": nn.Hardshrink(0.3),
    "logsigmoid": nn.LogSigmoid(),
    "erf": Fn(torch.erf),
    "rsqrt_abs": Fn(lambda x: torch.rsqrt(torch.abs(x) + 0.1)),
    "where_mask": Fn(lambda x: torch.where(x > 0.5, x * 2, -x)),
    "clamp_tensor": Fn(lambda x: torch.clamp(x, min=torch.tensor(-0.5),
                                             max=torch.tensor(0.25))),
    "pow_square": Fn(lambda x: x.pow(2) + torch.pow(2.0, x)),
    "floor_divide": Fn(lambda x: torch.floor(x * 3) - torch.round(x * 2)),
    "remainder": Fn(lambda x: torch.remainder(x, 0.7) + torch.fmod(x, 0.7)),
    "sign_abs": Fn(lambda x: torch.sign(x) * torch.abs(x).sqrt()),
    "trig": Fn(lambda x: torch.sin(x) * torch.cos(x) + torch.atan(x)),
    "isnan_masked": Fn(lambda x: torch.where(torch.isnan(x),
                                             torch.zeros_like(x), x)),
}


def export(module, x, opset):
    buffer = io.BytesIO()
    torch.onnx.export(module, x, buffer, opset_version=opset,
                      input_names=["x"], output_names=["y"])
    return onnx.load_from_string(buffer.getvalue())


x = torch.randn(2, 4, 5, 7) * 2
for name, module in MODULES.items():
    module.eval()
    with torch.no_grad():
        expected = module(x).numpy()
    for opset in (13, 17):
        model = export(module, x, opset)
        s.add(f"{name}_opset{opset}", model, {"x": x.numpy()},
              {"y": expected})

s.main()
