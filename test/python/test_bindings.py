"""edgec's Python API: compile, run, ir, inspect, bench, save, targets, and
its errors, checked against numpy and against the command line."""
import json
import os
import threading
import time

import numpy as np
import pytest
from onnx import TensorProto, helper, numpy_helper

import edgec
from conftest import EDGEC, TINYNET, cli, save_model

# float32 results of edgec against a float64 numpy reference.
F32_RTOL, F32_ATOL = 1e-5, 1e-6


def test_targets_lists_every_device():
    devices = {d["name"]: d for d in edgec.targets()}
    assert devices["host"]["available"] and not devices["host"]["emulated"]
    assert devices["rpi4"]["emulated"] and devices["rpi4"]["vector_bits"] == 128
    listed = cli("--list-targets").stdout
    for name in devices:
        assert name in listed


def test_run_matches_numpy(gemm_relu):
    path, w, b = gemm_relu
    model = edgec.compile(path)
    assert model.inputs == [edgec.TensorInfo("x", (2, 8), "float32")]
    assert model.outputs == [edgec.TensorInfo("y", (2, 4), "float32")]
    x = np.random.default_rng(0).standard_normal((2, 8)).astype(np.float32)
    y = model.run(x=x)["y"]
    expected = np.maximum(x.astype(np.float64) @ w + b, 0)
    np.testing.assert_allclose(y, expected, rtol=F32_RTOL, atol=F32_ATOL)
    # The same inference in order and as a dict.
    assert np.array_equal(model.run(x)["y"], y)
    assert np.array_equal(model.run({"x": x})["y"], y)


def test_compile_from_bytes(gemm_relu):
    path, _, _ = gemm_relu
    with open(path, "rb") as f:
        model = edgec.compile(f.read())
    x = np.ones((2, 8), np.float32)
    assert np.array_equal(model.run(x=x)["y"],
                          edgec.compile(path).run(x=x)["y"])
    assert "edge." in model.ir("import")


def test_tinynet_bit_identical_to_cli(tmp_path):
    onnx_path = os.path.join(TINYNET, "tinynet.onnx")
    image = np.load(os.path.join(TINYNET, "input.npy"))
    model = edgec.compile(onnx_path)
    ours = model.run(image)
    cli("run", onnx_path, "--input", os.path.join(TINYNET, "input.npy"),
        "--output-dir", str(tmp_path))
    for name, value in ours.items():
        assert np.array_equal(value, np.load(tmp_path / f"{name}.npy")), name


def test_mobilenet_v2_bit_identical_to_cli(tmp_path):
    import torch_models

    torch_models.export("mobilenet_v2", str(tmp_path), 13)
    onnx_path = str(tmp_path / "model.onnx")
    image = np.load(tmp_path / "input.npy")
    ours = edgec.compile(onnx_path).run(input=image)["output"]
    cli("run", onnx_path, "--input", str(tmp_path / "input.npy"),
        "--output-dir", str(tmp_path / "cli"))
    assert np.array_equal(ours, np.load(tmp_path / "cli" / "output.npy"))
    # And PyTorch's own result, within the model tests' tolerance.
    expected = np.load(tmp_path / "expected.npy")
    rel = np.linalg.norm(ours - expected) / np.linalg.norm(expected)
    assert rel < 1e-4, rel


def test_threads_give_the_same_result():
    model = edgec.compile(os.path.join(TINYNET, "tinynet.onnx"))
    image = np.load(os.path.join(TINYNET, "input.npy"))
    one = model.run(image)
    model.threads = 2
    two = model.run(image)
    for name in one:
        assert np.array_equal(one[name], two[name])


def test_ir_at_every_stage(gemm_relu):
    path, _, _ = gemm_relu
    model = edgec.compile(path)
    assert edgec.stages()[0] == "import" and edgec.stages()[-1] == "asm"
    markers = {"import": "edge.gemm", "graph": "func.func",
               "linalg": "linalg.", "buffers": "memref",
               "kernels": "func.func", "llvm-dialect": "llvm.func",
               "llvm": "define", "asm": ".text"}
    for stage in edgec.stages():
        text = model.ir(stage)
        assert markers[stage] in text, stage
        assert text == cli(path, f"--emit={stage}").stdout, stage


def test_inspect_matches_cli(gemm_relu):
    path, _, _ = gemm_relu
    report = edgec.compile(path).inspect()
    from_cli = json.loads(cli("inspect", path, "--json").stdout)
    assert report["totals"]["macs"] == from_cli["totals"]["macs"] == 2 * 8 * 4
    assert report["ops"] == from_cli["ops"]


def test_save_writes_the_cli_artifact(tmp_path, gemm_relu):
    path, _, _ = gemm_relu
    edgec.compile(path).save(tmp_path / "py")
    cli(path, "-o", str(tmp_path / "cli"))
    files = sorted(os.listdir(tmp_path / "cli"))
    assert sorted(os.listdir(tmp_path / "py")) == files
    assert "weights.bin" in files and "manifest.json" in files
    for f in files:
        ours, theirs = [(tmp_path / d / f).read_bytes() for d in ("py", "cli")]
        if f == "manifest.json":  # the same but for the compile time
            ours, theirs = [json.loads(m) for m in (ours, theirs)]
            assert ours.pop("compile_ms") >= 0 and theirs.pop("compile_ms") >= 0
        assert ours == theirs, f


def test_bench_reports_a_median(gemm_relu):
    path, _, _ = gemm_relu
    timings = edgec.compile(path).bench(threads=1, repeat=20)
    assert timings["median_ms"] > 0 and timings["runs"] == 20
    assert timings["target"] == "host" and timings["threads"] == 1


def test_rpi4_runs_under_qemu(gemm_relu):
    path, w, b = gemm_relu
    model = edgec.compile(path, target="rpi4")
    x = np.random.default_rng(1).standard_normal((2, 8)).astype(np.float32)
    y = model.run(x=x)["y"]
    np.testing.assert_allclose(y, np.maximum(x.astype(np.float64) @ w + b, 0),
                               rtol=F32_RTOL, atol=F32_ATOL)
    with pytest.raises(edgec.EdgecError, match="qemu"):
        model.bench()


def test_errors_carry_the_cli_message(tmp_path, gemm_relu):
    path, _, _ = gemm_relu
    for kwargs, flag in [({"target": "nope"}, "--target=nope"),
                         ({"conv_algorithm": "fft"}, "--conv-algorithm=fft"),
                         ({"name": "9lives"}, "--name=9lives")]:
        with pytest.raises(edgec.EdgecError) as raised:
            edgec.compile(path, **kwargs)
        stderr = cli(path, flag, "-o", str(tmp_path / "x"),
                     check=False).stderr
        assert stderr.strip() == f"error: {raised.value}"
    with pytest.raises(edgec.EdgecError, match="unknown --emit stage 'nope'"):
        edgec.compile(path).ir("nope")


def test_unsupported_op_names_the_node(tmp_path):
    graph = helper.make_graph(
        [helper.make_node("Det", ["x"], ["y"], name="determinant")], "det",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [3, 3])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [])])
    path = save_model(graph, str(tmp_path / "det.onnx"))
    with pytest.raises(edgec.EdgecError) as raised:
        edgec.compile(path)
    assert "determinant" in str(raised.value) and "Det" in str(raised.value)
    stderr = cli(path, "-o", str(tmp_path / "x"), check=False).stderr
    assert stderr.strip() == f"error: {raised.value}"


def test_truncated_bytes_fail_cleanly(gemm_relu):
    path, _, _ = gemm_relu
    with open(path, "rb") as f:
        data = f.read()
    with pytest.raises(edgec.EdgecError):
        edgec.compile(data[: len(data) // 2])


def test_bad_inputs_are_named(gemm_relu):
    path, _, _ = gemm_relu
    model = edgec.compile(path)
    with pytest.raises(edgec.EdgecError, match=r"input 'x' takes float32"):
        model.run(x=np.zeros((2, 8), np.float64))
    with pytest.raises(edgec.EdgecError, match=r"input 'x' takes float32"):
        model.run(x=np.zeros((8, 2), np.float32))
    with pytest.raises(edgec.EdgecError, match="no input 'z'"):
        model.run(z=np.zeros((2, 8), np.float32))
    with pytest.raises(edgec.EdgecError, match="input 'x' is missing"):
        model.run()
    # Non-contiguous views are accepted and read correctly.
    wide = np.arange(32, dtype=np.float32).reshape(2, 16)
    assert np.array_equal(model.run(x=wide[:, ::2])["y"],
                          model.run(x=np.ascontiguousarray(wide[:, ::2]))["y"])


def calibration_samples(tmp_path, shape, count, seed):
    """A folder of `count` standard-normal .npy samples of `shape`."""
    folder = tmp_path / "calibration"
    folder.mkdir()
    rng = np.random.default_rng(seed)
    for i in range(count):
        np.save(folder / f"{i}.npy",
                rng.standard_normal(shape).astype(np.float32))
    return folder


def test_int8_quantization_matches_the_cli(tmp_path):
    # TinyNet calibrated on random images: the Python module and the CLI
    # compute the same quantized model, bit for bit, close to the float one
    # but not equal to it.
    onnx_path = os.path.join(TINYNET, "tinynet.onnx")
    image = np.load(os.path.join(TINYNET, "input.npy"))
    samples = calibration_samples(tmp_path, image.shape, 4, seed=5)
    quantized = edgec.compile(onnx_path, quantize="int8",
                              calibration_data=samples).run(image)
    plain = edgec.compile(onnx_path).run(image)
    np.save(tmp_path / "image.npy", image)
    cli("run", onnx_path, "--quantize=int8", "--calibration-data",
        str(samples), "--input", str(tmp_path / "image.npy"),
        "--output-dir", str(tmp_path / "out"))
    for name, got in quantized.items():
        want = np.load(tmp_path / "out" / f"{name}.npy")
        assert np.array_equal(got, want), name
        a, b = got.ravel().astype(np.float64), plain[name].ravel()
        cosine = a @ b / np.linalg.norm(a) / np.linalg.norm(b)
        assert cosine > 0.99 and not np.array_equal(got, plain[name]), name
    with pytest.raises(edgec.EdgecError, match="needs --calibration-data"):
        edgec.compile(onnx_path, quantize="int8")


def test_quantization_report_calibrators_and_budget(tmp_path):
    # inspect() of a quantized model carries the accuracy report; a budget
    # of 0 keeps every convolution float32 (the outputs then agree
    # exactly), a loose one none.
    onnx_path = os.path.join(TINYNET, "tinynet.onnx")
    image = np.load(os.path.join(TINYNET, "input.npy"))
    samples = calibration_samples(tmp_path, image.shape, 3, seed=6)
    report = edgec.compile(onnx_path, quantize="int8", calibration_data=samples,
                           calibrator="percentile").inspect()["quantization"]
    assert report["calibrator"] == "percentile" and report["samples"] == 3
    assert report["layers"] and all(
        layer["precision"] == "int8" and layer["sqnr_db"] > 20
        for layer in report["layers"])
    assert 0.9 < report["cosine_min"] < 1.0
    strict = edgec.compile(onnx_path, quantize="int8",
                           calibration_data=samples, accuracy_budget=0.0)
    report = strict.inspect()["quantization"]
    assert all(layer["precision"] == "float32" for layer in report["layers"])
    assert report["cosine_min"] > 1 - 1e-6 and report["accuracy_budget"] == 0
    plain = edgec.compile(onnx_path).run(image)
    for name, got in strict.run(image).items():
        np.testing.assert_allclose(got, plain[name], rtol=1e-5, atol=1e-6)
    with pytest.raises(edgec.EdgecError, match="unknown --calibrator 'kl'"):
        edgec.compile(onnx_path, quantize="int8", calibration_data=samples,
                      calibrator="kl")


def test_tune_then_compile_with_the_database(tmp_path):
    # TinyNet's convolutions, three trials each; a second call with the
    # same budget measures nothing more.
    onnx_path = os.path.join(TINYNET, "tinynet.onnx")
    image = np.load(os.path.join(TINYNET, "input.npy"))
    db = tmp_path / "tuning.db"
    seen = []
    reports = edgec.tune(onnx_path, trials=3, db=db, progress=seen.append)
    assert reports and all(r["trials"] == 3 for r in reports)
    assert all(r["best_ms"] <= r["default_ms"] for r in reports)
    assert {p["workload"] for p in seen} == set(range(1, len(reports) + 1))
    assert seen[-1]["trials"] == 3 and seen[-1]["budget"] == 3
    calls = len(seen)
    again = edgec.tune(onnx_path, trials=3, db=db, progress=seen.append)
    assert [r["trials"] for r in again] == [3] * len(reports)
    # Only the "where it stands" reports: no measurement was added.
    assert all(p["trials"] == 3 for p in seen[calls:])
    # The tuned model computes what the default one does (to float32
    # rounding: the tuner may pick another algorithm).
    tuned = edgec.compile(onnx_path, tuning_db=db).run(image)
    plain = edgec.compile(onnx_path).run(image)
    for name in plain:
        np.testing.assert_allclose(tuned[name], plain[name], rtol=1e-4,
                                   atol=1e-5)


def test_tune_for_a_board_under_qemu(tmp_path):
    # Values checked under qemu, ranked by the cost model: the reports say
    # their times are predictions; the board's model then compiles with
    # the verified records and computes what the host's does.
    onnx_path = os.path.join(TINYNET, "tinynet.onnx")
    db = tmp_path / "board.db"
    reports = edgec.tune(onnx_path, target="rpi4", runner="qemu", trials=2,
                         db=db)
    assert reports and all(r["predicted"] and r["trials"] == 2
                           for r in reports)
    assert all(r["best_ms"] <= r["default_ms"] for r in reports)
    image = np.load(os.path.join(TINYNET, "input.npy"))
    board = edgec.compile(onnx_path, target="rpi4", tuning_db=db).run(image)
    host = edgec.compile(onnx_path).run(image)
    for name in host:
        np.testing.assert_allclose(board[name], host[name], rtol=1e-4,
                                   atol=1e-5)


def test_tune_errors_are_the_clis(tmp_path):
    onnx_path = os.path.join(TINYNET, "tinynet.onnx")
    for kwargs, message in (
            ({}, "edgec tune needs --db FILE"),
            ({"db": tmp_path / "t.db", "trials": 0},
             "--trials must be at least 1"),
            ({"db": tmp_path / "t.db", "target": "rpi4"},
             "code runs under qemu here"),
            ({"db": tmp_path / "t.db", "runner": "ssh://pi@board:0"},
             r"--runner=ssh://pi@board:0 is not")):
        with pytest.raises(edgec.EdgecError, match=message):
            edgec.tune(onnx_path, **kwargs)
    with pytest.raises(edgec.EdgecError, match="does not exist"):
        edgec.compile(onnx_path, tuning_db=tmp_path / "missing.db")
    expected = cli("tune", onnx_path, "--db", str(tmp_path / "t.db"),
                   "--trials", "0", check=False).stderr
    assert expected == "error: --trials must be at least 1\n"


def test_html_summary(gemm_relu):
    path, _, _ = gemm_relu
    text = edgec.compile(path)._repr_html_()
    assert "<table>" in text and "MACs" in text and "float32" in text


def test_gil_is_released_while_running(tmp_path):
    # A chain of 16 512x512 matmuls (4 GFLOP) takes long enough for the
    # main thread to notice whether it was blocked for the whole inference.
    n = 512
    rng = np.random.default_rng(3)
    weights = [rng.standard_normal((n, n)).astype(np.float32) / np.sqrt(n)
               for _ in range(16)]
    nodes, previous = [], "x"
    for i in range(len(weights)):
        nodes.append(helper.make_node("MatMul", [previous, f"w{i}"],
                                      [f"h{i}"], name=f"mm{i}"))
        previous = f"h{i}"
    graph = helper.make_graph(
        nodes, "chain",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [n, n])],
        [helper.make_tensor_value_info(previous, TensorProto.FLOAT, [n, n])],
        [numpy_helper.from_array(w, f"w{i}") for i, w in enumerate(weights)])
    model = edgec.compile(save_model(graph, str(tmp_path / "chain.onnx")))
    x = np.full((n, n), 1e-3, np.float32)
    start = time.perf_counter()
    model.run(x=x)
    duration = time.perf_counter() - start

    worker = threading.Thread(target=model.run, kwargs={"x": x})
    gaps, last = [], time.perf_counter()
    worker.start()
    while worker.is_alive():
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    worker.join()
    # Holding the GIL would stall this loop for the whole inference.
    assert max(gaps) < duration / 2, (max(gaps), duration)
