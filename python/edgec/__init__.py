"""edgec from Python: compile an ONNX model for a device, run it on numpy
arrays, look at its IR after any stage, inspect and benchmark it.

    import edgec
    model = edgec.compile("mobilenet_v2.onnx", target="host")
    outputs = model.run(input=image)            # {"output": ndarray}
    print(model.ir("graph"))
    model.save("out/")                          # the artifact `edgec -o` writes

Errors raise edgec.EdgecError with the message the command line prints.
Models for this machine's architecture run in this process (the GIL is
released while they do); models for Arm boards run under qemu-aarch64.
"""
import html
import json
import os
import tempfile
from typing import Callable, Dict, List, NamedTuple, Optional, Tuple, Union

import numpy as np

from . import _edgec
from ._edgec import EdgecError

__all__ = ["CompiledModel", "EdgecError", "TensorInfo", "compile", "stages",
           "targets", "tune"]


class TensorInfo(NamedTuple):
    """A model input or output: its ONNX name, static shape and numpy
    dtype name."""
    name: str
    shape: Tuple[int, ...]
    dtype: str


def stages() -> List[str]:
    """The IR stages `CompiledModel.ir` prints, in pipeline order."""
    return ["import", "graph", "linalg", "buffers", "kernels",
            "llvm-dialect", "llvm", "asm"]


def targets() -> List[dict]:
    """Every named device: name, summary, family, whether edgec compiles
    for it today (and if not, why), its CPU and vector width."""
    return _edgec.targets()


def compile(model: Union[str, os.PathLike, bytes], target: str = "host",
            quantize: Optional[str] = None, calibration_data=None,
            tuning_db: Optional[str] = None, *, name: str = "",
            calibrator: str = "minmax",
            accuracy_budget: Optional[float] = None,
            input_shapes: Optional[Dict[str, Tuple[int, ...]]] = None,
            conv_algorithm: str = "") -> "CompiledModel":
    """Compiles an ONNX model (a path, or the file's bytes) for `target`.

    `input_shapes` fixes dynamic input dimensions ({"input": (1, 3, 224,
    224)}), `conv_algorithm` forces one convolution algorithm wherever it
    applies, `name` sets the C identifier of the artifact's symbols: the
    CLI's --input-shape, --conv-algorithm and --name. `quantize="int8"`
    with `calibration_data` (a folder of .npy inputs) quantizes the
    convolutions after calibrating on them, with `calibrator` "minmax",
    "percentile" or "entropy" choosing the ranges, and `accuracy_budget`
    (the largest 1 - cosine similarity to the float model on the samples)
    keeping the most sensitive convolutions float32 (--quantize,
    --calibration-data, --calibrator, --accuracy-budget;
    docs/quantization.md).
    """
    return CompiledModel(
        model, target, name, dict(input_shapes or {}), conv_algorithm,
        os.fspath(tuning_db) if tuning_db is not None else "",
        quantize or "",
        os.fspath(calibration_data) if calibration_data is not None else "",
        calibrator, -1.0 if accuracy_budget is None else float(accuracy_budget))


def tune(model: Union[str, os.PathLike, bytes], target: str = "host",
         trials: int = 64, db: Optional[Union[str, os.PathLike]] = None, *,
         batch: int = 8, threads: int = 1, runner: str = "local",
         ssh_config: Optional[Union[str, os.PathLike]] = None,
         input_shapes: Optional[Dict[str, Tuple[int, ...]]] = None,
         progress: Optional[Callable[[dict], None]] = None) -> List[dict]:
    """Tunes a model's convolutions into the SQLite tuning database `db`
    (`edgec tune`), up to `trials` schedules per distinct workload;
    `edgec.compile(..., tuning_db=db)` then uses the fastest. Resumable: a
    second call continues where the first stopped.

    `runner` is where candidates run: "local" (timed on this machine),
    "qemu" (a board's code under emulation: values checked, ranked by the
    cost model; the reports then say predicted=True) or
    "ssh://[user@]host[:port]" (timed on the board; `ssh_config` is passed
    to ssh as -F).

    `progress`, if given, is called with a dict (workload, workloads, key,
    trials, budget, best_ms, default_ms) after each measurement. Returns
    one dict per workload: workload, family, uses, macs, space_size,
    trials, default_ms, best_ms, best_schedule,
    trials_to_within_10_percent, predicted.
    """
    with _model_file(model) as path:
        shapes = {k: [int(d) for d in v]
                  for k, v in dict(input_shapes or {}).items()}
        return _edgec.tune(path, target, shapes,
                           os.fspath(db) if db is not None else "",
                           int(trials), int(batch), int(threads), runner,
                           os.fspath(ssh_config) if ssh_config else "",
                           progress)


class _model_file:
    """A path to the model: its own, or a temporary file holding its
    bytes."""

    def __init__(self, model):
        self._tempdir = None
        if isinstance(model, (bytes, bytearray, memoryview)):
            self._tempdir = tempfile.TemporaryDirectory(prefix="edgec-py-")
            self.path = os.path.join(self._tempdir.name, "model.onnx")
            with open(self.path, "wb") as f:
                f.write(model)
        elif isinstance(model, (str, os.PathLike)):
            self.path = os.fspath(model)
        else:
            raise TypeError("edgec takes a path or the bytes of an ONNX "
                            f"file, not {type(model).__name__}")

    def __enter__(self):
        return self.path

    def __exit__(self, *exc):
        if self._tempdir is not None:
            self._tempdir.cleanup()


class CompiledModel:
    """A model compiled for one device. Compile with `edgec.compile`."""

    def __init__(self, model, target, name, input_shapes, conv_algorithm,
                 tuning_db, quantize="", calibration_data="",
                 calibrator="minmax", accuracy_budget=-1.0):
        # The source stays readable: ir() and inspect() compile it again.
        self._source = _model_file(model)
        path = self._source.path
        shapes = {k: [int(d) for d in v] for k, v in input_shapes.items()}
        self._model = _edgec.Model(path, target, name, shapes,
                                   conv_algorithm, tuning_db, quantize,
                                   calibration_data, calibrator,
                                   accuracy_budget)
        self.path = path
        self.threads = 1
        self._inspect = None

    @property
    def target(self) -> str:
        return self._model.target

    @property
    def name(self) -> str:
        """The C identifier of the artifact's symbols."""
        return self._model.name

    @property
    def compile_seconds(self) -> float:
        return self._model.compile_seconds

    @property
    def inputs(self) -> List[TensorInfo]:
        return [TensorInfo(*t) for t in self._model.inputs]

    @property
    def outputs(self) -> List[TensorInfo]:
        return [TensorInfo(*t) for t in self._model.outputs]

    def run(self, *args, **arrays) -> Dict[str, np.ndarray]:
        """One inference. Inputs by name (`run(input=x)`), as one dict
        (`run({"input.1": x})`, for names that are not identifiers), or in
        order (`run(x)`). Each must have the input's dtype and shape.
        Returns {output name: array}."""
        values = self._bind(args, arrays)
        if self._model.native:
            results = self._model.run(values, int(self.threads))
        else:
            results = self._run_emulated(values)
        return {o.name: r for o, r in zip(self.outputs, results)}

    def ir(self, stage: str = "graph", print_constants: bool = False) -> str:
        """The IR after `stage` (see `edgec.stages()`), as `edgec
        --emit=<stage>` prints it; large constants are elided unless
        `print_constants`."""
        return self._model.ir(stage, print_constants)

    def inspect(self) -> dict:
        """`edgec inspect --json`: per-op shapes, MACs, parameters and
        activation bytes; totals; peak activation memory; target support."""
        if self._inspect is None:
            self._inspect = json.loads(self._model.inspect())
        return self._inspect

    def bench(self, threads: int = 1, repeat: int = 50,
              warmup: int = 5) -> dict:
        """`edgec bench --json`: latency on this machine over `repeat` timed
        runs on seeded random inputs after `warmup` untimed ones."""
        if not self._model.native:
            raise EdgecError(
                f"edgec bench times this machine: '{self.target}' code runs "
                "under qemu here, whose timings say nothing about the board")
        if repeat < 20:
            raise EdgecError(f"repeat={repeat} is too few for a median; "
                             "give at least 20")
        if threads < 1:
            raise EdgecError("threads must be at least 1")
        timings = json.loads(self._model.run_runner(
            ["--random-inputs", "--json", "--repeat", str(repeat),
             "--warmup", str(warmup), "--threads", str(threads)]))
        timings.pop("outputs", None)
        timings.update(model=self.name, target=self.target,
                       threads=threads,
                       compile_ms=int(self.compile_seconds * 1000))
        return timings

    def save(self, directory: Union[str, os.PathLike]) -> None:
        """Writes the artifact `edgec MODEL -o DIR` writes (atomically)."""
        self._model.save(os.fspath(directory))

    def _bind(self, args, arrays) -> List[np.ndarray]:
        names = [i.name for i in self.inputs]
        if len(args) == 1 and isinstance(args[0], dict) and not arrays:
            arrays, args = dict(args[0]), ()
        if args and arrays:
            raise TypeError("give inputs in order or by name, not both")
        if args:
            if len(args) != len(names):
                raise EdgecError(f"the model takes {len(names)} inputs "
                                 f"({', '.join(names)}), got {len(args)}")
            return [np.asarray(a) for a in args]
        unknown = sorted(set(arrays) - set(names))
        if unknown:
            raise EdgecError(f"the model has no input '{unknown[0]}'; its "
                             f"inputs: {', '.join(names)}")
        missing = [n for n in names if n not in arrays]
        if missing:
            raise EdgecError(f"input '{missing[0]}' is missing")
        return [np.asarray(arrays[n]) for n in names]

    def _run_emulated(self, values: List[np.ndarray]) -> List[np.ndarray]:
        with tempfile.TemporaryDirectory(prefix="edgec-py-run-") as tmp:
            args = []
            for i, (info, value) in enumerate(zip(self.inputs, values)):
                if value.dtype != np.dtype(info.dtype) or \
                        value.shape != tuple(info.shape):
                    raise EdgecError(
                        f"input '{info.name}' takes {info.dtype} "
                        f"{tuple(info.shape)}, got {value.dtype} "
                        f"{value.shape}")
                file = os.path.join(tmp, f"input{i}.npy")
                np.save(file, np.ascontiguousarray(value))
                args += ["--input", f"{info.name}={file}"]
            out = os.path.join(tmp, "outputs")
            self._model.run_runner(args + ["--output-dir", out,
                                           "--threads", str(self.threads)])
            return [np.load(os.path.join(out, file))
                    for file in _output_files([o.name for o in self.outputs])]

    def __repr__(self) -> str:
        ins = ", ".join(f"{i.name}: {i.dtype}{list(i.shape)}"
                        for i in self.inputs)
        outs = ", ".join(f"{o.name}: {o.dtype}{list(o.shape)}"
                         for o in self.outputs)
        return (f"<edgec.CompiledModel {self.name} for {self.target}: "
                f"({ins}) -> ({outs})>")

    def _repr_html_(self) -> str:
        totals = self.inspect()["totals"]
        rows = "".join(
            f"<tr><td>{kind}</td><td><code>{html.escape(t.name)}</code></td>"
            f"<td>{t.dtype}</td><td>{'×'.join(map(str, t.shape))}</td></tr>"
            for kind, tensors in (("input", self.inputs),
                                  ("output", self.outputs))
            for t in tensors)
        facts = [
            ("target", self.target),
            ("compile time", f"{self.compile_seconds:.2f} s"),
            ("ONNX nodes", len(self.inspect()["ops"])),
            ("MACs", f"{totals['macs'] / 1e6:,.1f} M"),
            ("parameters", f"{totals['params'] / 1e6:,.2f} M"),
            ("peak activations (planned / naive)",
             f"{totals['peak_activation_bytes_planned'] / 2**20:.2f} / "
             f"{totals['activation_bytes_naive'] / 2**20:.2f} MiB"),
        ]
        fact_rows = "".join(f"<tr><th style='text-align:left'>{k}</th>"
                            f"<td>{html.escape(str(v))}</td></tr>"
                            for k, v in facts)
        return (f"<div><b>edgec model <code>{html.escape(self.name)}</code>"
                f"</b><table>{fact_rows}</table><table><tr><th></th>"
                f"<th>name</th><th>dtype</th><th>shape</th></tr>{rows}"
                f"</table></div>")


def _output_files(names: List[str]) -> List[str]:
    """The files the runner writes the outputs to (output_files in
    runner_main.c): characters outside [A-Za-z0-9._-] become '_', and a
    name taken already gets a suffix _1, _2, ..."""
    ok = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
             "0123456789._-")
    files = []
    for name in names:
        base = "".join(c if c in ok else "_" for c in name) or "_"
        suffix = 0
        while True:
            file = f"{base}_{suffix}.npy" if suffix else f"{base}.npy"
            if file not in files:
                break
            suffix += 1
        files.append(file)
    return files
