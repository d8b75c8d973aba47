"""Real models for the model tests: torchvision architectures with random
weights, exported by Debian's torch 1.13, and checked against PyTorch.

    python -m torch_models export NAME DIR [--opset N]   # DIR/model.onnx, input.npy, expected.npy
    python -m torch_models check DIR TARGET              # edgec run, compare
    python -m torch_models macs NAME                     # independent MAC count
    python -m torch_models check-macs DIR                # edgec inspect vs. macs.json

NAME is any torchvision classification model (`torchvision.models.
list_models()`), or one of the transformer encoders below. Nothing is
downloaded: the weights are PyTorch's random initialization under a fixed
seed, which exercises every layer as well as trained weights do for numerical
agreement.
"""
import argparse
import copy
import json
import os
import subprocess
import sys

import numpy as np

# fp32 agreement with PyTorch over a whole network (relative L2). Where the
# two disagree by more (deep random-weight residual networks amplify
# rounding), a model passes when edgec's distance to PyTorch's float64
# output is within FP32_NOISE_FACTOR of PyTorch's own float32 distance to
# it: float32's noise floor on that network, measured, with room for
# another summation order. See docs/decisions.md.
MODEL_TOLERANCE = 1e-4
FP32_NOISE_FACTOR = 2.0
# `edgec inspect` against the PyTorch-side count.
MAC_TOLERANCE = 0.01


def _encoder_models():
    import torch
    import torchvision

    class TokenEncoder(torch.nn.Module):
        """torch.nn.TransformerEncoder over a sequence of embedded tokens, a
        BERT-style text classifier (6 layers, d_model 256, 8 heads)."""

        def __init__(self):
            super().__init__()
            layer = torch.nn.TransformerEncoderLayer(
                d_model=256, nhead=8, dim_feedforward=1024, batch_first=True,
                activation="gelu")
            self.encoder = torch.nn.TransformerEncoder(layer, num_layers=6)
            self.head = torch.nn.Linear(256, 10)

        def forward(self, x):
            return self.head(self.encoder(x).mean(dim=1))

    def vit_tiny():
        # torchvision's VisionTransformer at DeiT-Tiny's size.
        return torchvision.models.VisionTransformer(
            image_size=224, patch_size=16, num_layers=12, num_heads=3,
            hidden_dim=192, mlp_dim=768)

    return {
        "vit_tiny": (vit_tiny, (1, 3, 224, 224)),
        "transformer_encoder": (TokenEncoder, (1, 128, 256)),
    }


def build(name):
    """The model (eval mode, seeded weights) and its example input."""
    import torch
    import torchvision

    torch.manual_seed(0)
    encoders = _encoder_models()
    if name in encoders:
        factory, shape = encoders[name]
        model = factory()
    else:
        model = torchvision.models.get_model(name, weights=None)
        # inception_v3 needs 299x299 for its fixed-size pooling.
        shape = (1, 3, 299, 299) if name == "inception_v3" else (1, 3, 224,
                                                                   224)
    # Some heads start at zero (torchvision's ViT), which would make every
    # output zero and the comparison empty.
    with torch.no_grad():
        for p in model.parameters():
            if p.dim() >= 2 and not p.any():
                p.normal_(0, 0.02)
    _calibrate_batch_norm(model, shape)
    model.eval()
    return model, torch.randn(*shape)


def _calibrate_batch_norm(model, shape):
    """Gives batch norms the statistics of real activations. Fresh ones
    (mean 0, variance 1) let small initial weights shrink the activations
    layer after layer until the output is the classifier's bias alone
    (GoogLeNet's is), whatever the input: a comparison that tests nothing."""
    import torch

    norms = [m for m in model.modules()
             if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    if not norms:
        return
    for m in norms:
        m.reset_running_stats()
        m.momentum = None  # a plain average over the calibration batches
    model.train()
    with torch.no_grad():
        for _ in range(2):
            model(torch.randn(4, *shape[1:]))


def _input_sensitivity(model, x, expected):
    """How much the output moves between two inputs, relative to its size:
    near 0 when it does not depend on the input."""
    import torch

    with torch.no_grad():
        other = model(torch.randn_like(x))
    return float(np.linalg.norm(other.numpy() - expected.numpy()) /
                 np.linalg.norm(expected.numpy()))


def count_macs(model, x):
    """Multiply-accumulates of convolutions and matrix products, counted
    from what PyTorch runs (forward hooks on convolutions, the linear and
    matrix-product functions it calls), the convention of `edgec inspect`:
    one per weight per output value."""
    import torch

    macs = [0]

    def conv(module, inputs, output):
        k = int(np.prod(module.kernel_size))
        if isinstance(module, torch.nn.modules.conv._ConvTransposeNd):
            macs[0] += inputs[0].numel() * module.out_channels // \
                module.groups * k
        else:
            macs[0] += output.numel() * module.in_channels // \
                module.groups * k

    in_attention = [0]

    class Products(torch.overrides.TorchFunctionMode):
        """Linear layers and matrix products however they are called
        (F.linear with another module's weight in Swin, torch.matmul, `@`,
        bmm or einsum in MaxViT's attention): one MAC per output value per
        reduced element."""

        def __torch_function__(self, func, types, args=(), kwargs=None):
            out = func(*args, **(kwargs or {}))
            if in_attention[0]:
                return out
            if func is torch.nn.functional.linear:
                macs[0] += out.numel() * args[1].shape[-1]
            elif func in (torch.matmul, torch.Tensor.matmul,
                          torch.Tensor.__matmul__, torch.bmm):
                macs[0] += out.numel() * args[0].shape[-1]
            elif func is torch.einsum and len(args) == 3:
                inputs, _, output = args[0].replace(" ", "").partition("->")
                sizes = {}
                for term, operand in zip(inputs.split(","), args[1:]):
                    sizes.update(zip(term, operand.shape))
                reduced = set(sizes) - set(output)
                macs[0] += out.numel() * int(np.prod(
                    [sizes[i] for i in reduced]))
            return out

    def attention(module):
        # in-projection, QK^T, attention x V and out-projection; the fused
        # kernel PyTorch uses calls no submodule. Callers pass query and key
        # by keyword, which forward hooks of torch 1.13 do not see.
        forward = module.forward

        def counted(query, key, *args, **kwargs):
            e = module.embed_dim
            seq_q = query.shape[1] if module.batch_first else query.shape[0]
            seq_k = key.shape[1] if module.batch_first else key.shape[0]
            batch = query.numel() // (seq_q * e)
            macs[0] += batch * (seq_q * e * e + 2 * seq_k * e * e +
                                2 * seq_q * seq_k * e + seq_q * e * e)
            in_attention[0] += 1
            try:
                return forward(query, key, *args, **kwargs)
            finally:
                in_attention[0] -= 1

        module.forward = counted
        return forward

    # Modules an exported (eval-mode) model never runs: the auxiliary
    # classifiers GoogLeNet and Inception v3 use only in training.
    # Attention's own submodules are counted by its patched forward.
    skipped = set()
    for name, m in model.named_modules():
        aux = name.split(".")[0] in ("aux1", "aux2", "AuxLogits")
        if aux or isinstance(m, torch.nn.MultiheadAttention):
            skipped.update(id(c) for c in m.modules())
    hooks, patched = [], []
    for m in model.modules():
        if isinstance(m, torch.nn.MultiheadAttention):
            patched.append((m, attention(m)))
        elif id(m) in skipped:
            continue
        elif isinstance(m, torch.nn.modules.conv._ConvNd):
            hooks.append(m.register_forward_hook(conv))
    # Training mode keeps PyTorch off its fused encoder fast path, whose
    # layers' hooks would not fire; no_grad keeps the weights untouched.
    # Batch norms stay in eval mode: with batch 1 a training-mode batch norm
    # after global pooling (Inception v3's auxiliary head) has one value
    # per channel and fails.
    model.train()
    for m in model.modules():
        if isinstance(m, torch.nn.modules.batchnorm._BatchNorm):
            m.eval()
    with torch.no_grad(), Products():
        model(x)
    model.eval()
    for h in hooks:
        h.remove()
    for m, forward in patched:
        m.forward = forward
    return macs[0]


def export(name, directory, opset):
    import torch

    model, x = build(name)
    with torch.no_grad():
        expected = model(x)
        # The same weights in float64: how far float32 itself strays.
        try:
            exact = copy.deepcopy(model).double()(x.double())
        except RuntimeError:  # an op without a float64 kernel
            exact = None
    sensitivity = _input_sensitivity(model, x, expected)
    if sensitivity < 1e-2:
        raise ValueError(f"{name}: the output barely depends on the input "
                         f"(relative change {sensitivity:.2g}); a comparison "
                         "with it would test nothing")
    os.makedirs(directory, exist_ok=True)
    torch.onnx.export(model, x, os.path.join(directory, "model.onnx"),
                      opset_version=opset, input_names=["input"],
                      output_names=["output"])
    np.save(os.path.join(directory, "input.npy"), x.numpy())
    np.save(os.path.join(directory, "expected.npy"), expected.numpy())
    if exact is not None:
        np.save(os.path.join(directory, "expected64.npy"), exact.numpy())
    with open(os.path.join(directory, "macs.json"), "w") as f:
        json.dump({"model": name, "macs": count_macs(model, x)}, f)


def relative_l2(got, ref):
    got, ref = np.asarray(got, np.float64), np.asarray(ref, np.float64)
    return float(np.linalg.norm(got - ref) / np.linalg.norm(ref))


def check(directory, target, flags=()):
    """Runs the model on `target` and compares with PyTorch. Returns the
    relative L2 error against PyTorch's float32 output and a note: empty,
    or how the output compares with float64 where that decided."""
    out = os.path.join(directory, "out-" + target)
    subprocess.run(
        ["edgec", "run", os.path.join(directory, "model.onnx"),
         "--target=" + target, "--input", os.path.join(directory, "input.npy"),
         "--output-dir", out, *flags], check=True)
    got = np.load(os.path.join(out, "output.npy"))
    expected = np.load(os.path.join(directory, "expected.npy"))
    error = relative_l2(got, expected)
    print(f"{directory} on {target}: relative L2 error {error:.3g} "
          f"(tolerance {MODEL_TOLERANCE})")
    if error <= MODEL_TOLERANCE:
        return error, ""
    exact_file = os.path.join(directory, "expected64.npy")
    if not os.path.exists(exact_file):
        sys.exit(f"FAIL: relative L2 error {error} exceeds {MODEL_TOLERANCE}")
    exact = np.load(exact_file)
    ours, theirs = relative_l2(got, exact), relative_l2(expected, exact)
    note = (f"against float64: edgec {ours:.2g}, PyTorch float32 "
            f"{theirs:.2g}")
    print(f"{directory} on {target}: {note}")
    if not ours <= FP32_NOISE_FACTOR * theirs:
        sys.exit(f"FAIL: relative L2 error {error} exceeds {MODEL_TOLERANCE} "
                 f"and edgec is more than {FP32_NOISE_FACTOR:g}x farther "
                 f"from float64 than PyTorch ({note})")
    return error, note


def check_macs(directory):
    report = json.loads(subprocess.run(
        ["edgec", "inspect", os.path.join(directory, "model.onnx"), "--json"],
        check=True, capture_output=True, text=True).stdout)
    with open(os.path.join(directory, "macs.json")) as f:
        reference = json.load(f)["macs"]
    got = report["totals"]["macs"]
    ratio = got / reference
    print(f"{directory}: edgec inspect counts {got} MACs, PyTorch hooks "
          f"{reference} (ratio {ratio:.5f})")
    if not abs(ratio - 1) <= MAC_TOLERANCE:
        sys.exit(f"FAIL: MAC counts differ by more than {MAC_TOLERANCE:%}")
    return report


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    e = sub.add_parser("export")
    e.add_argument("name")
    e.add_argument("directory")
    e.add_argument("--opset", type=int, default=13)
    c = sub.add_parser("check")
    c.add_argument("directory")
    c.add_argument("target")
    m = sub.add_parser("macs")
    m.add_argument("name")
    cm = sub.add_parser("check-macs")
    cm.add_argument("directory")
    args = parser.parse_args()
    if args.command == "export":
        export(args.name, args.directory, args.opset)
    elif args.command == "check":
        check(args.directory, args.target)
    elif args.command == "macs":
        print(count_macs(*build(args.name)))
    else:
        check_macs(args.directory)


if __name__ == "__main__":
    main()
