//===- EdgecModule.cpp - The edgec._edgec Python extension ----------------===//
//
// The compiler and the runtime, bound for Python: compile a model held in a
// file, run it on numpy arrays in this process (or under qemu for other
// architectures), and reach every stage of the IR. The package around it
// (python/edgec/__init__.py) gives it its user-facing shape.
//
// Errors raise edgec.EdgecError with the text the CLI prints after
// "error: ". The GIL is released while compiling and running.
//
//===----------------------------------------------------------------------===//

#include "autotuner/Tuner.h"
#include "edgec/Driver/Compiler.h"
#include "edgec/Driver/Inspect.h"
#include "edgec/Support/Diagnostics.h"
#include "edgec/Targets/LoadedModel.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/raw_ostream.h"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <mutex>

namespace py = pybind11;
using namespace edgec;

namespace {

/// edgec.EdgecError: what the CLI reports as `error: <message>`.
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Runs `compile` in a fresh context and turns its first error into Error.
template <typename Result, typename Fn>
Result withContext(const std::string &path, Fn &&compile) {
  mlir::MLIRContext context;
  prepareContext(context);
  FirstErrorHandler diagnostics(context, /*echo=*/nullptr);
  mlir::FailureOr<Result> result = compile(context);
  if (failed(result))
    throw Error(diagnostics.hadError() ? diagnostics.firstError()
                                       : path + ": compilation failed");
  return std::move(*result);
}

py::tuple shapeOf(const codegen::TensorInterface &tensor) {
  py::tuple shape(tensor.shape.size());
  for (size_t i = 0; i < tensor.shape.size(); ++i)
    shape[i] = tensor.shape[i];
  return shape;
}

py::list describe(const std::vector<codegen::TensorInterface> &tensors) {
  py::list list;
  for (const codegen::TensorInterface &t : tensors)
    list.append(py::make_tuple(t.name, shapeOf(t),
                               codegen::runtimeDTypeName(t.dtype).str()));
  return list;
}

std::string shapeText(py::array array) {
  std::string text = "(";
  for (py::ssize_t i = 0; i < array.ndim(); ++i)
    text += (i ? ", " : "") + std::to_string(array.shape(i));
  return text + (array.ndim() == 1 ? ",)" : ")");
}

/// A compiled model and, for this machine's architecture, its loaded code.
class Model {
public:
  Model(std::string path, CompileOptions options)
      : path_(std::move(path)), options_(std::move(options)) {
    std::string error = checkCompileOptions(options_);
    if (!error.empty())
      throw Error(error);
    py::gil_scoped_release release;
    model_ = withContext<cpu::CpuModel>(path_, [&](mlir::MLIRContext &c) {
      std::string unused;
      llvm::raw_string_ostream os(unused);
      return compileModel(c, path_, options_, os);
    });
    if (cpu::runsNatively(*model_.device)) {
      loaded_ = cpu::LoadedModel::load(model_, error);
      if (!loaded_)
        throw Error(error);
    }
  }

  py::list inputs() const { return describe(model_.interface.inputs); }
  py::list outputs() const { return describe(model_.interface.outputs); }
  std::string target() const { return model_.device->name; }
  std::string name() const { return model_.name; }
  double compileSeconds() const { return model_.compileSeconds; }
  bool native() const { return loaded_ != nullptr; }

  /// One inference on arrays in input order; outputs in output order.
  py::list run(const std::vector<py::array> &arrays, int threads) {
    if (!loaded_)
      throw Error("target '" + model_.device->name +
                  "' runs under qemu: use run_files");
    const auto &ins = model_.interface.inputs;
    if (arrays.size() != ins.size())
      throw Error("the model takes " + std::to_string(ins.size()) +
                  " inputs, got " + std::to_string(arrays.size()));
    std::vector<py::array> held;
    std::vector<const void *> inPtrs;
    for (size_t i = 0; i < ins.size(); ++i) {
      py::dtype dtype(codegen::runtimeDTypeName(ins[i].dtype).str());
      py::array array = arrays[i];
      bool shapeOk = array.ndim() == py::ssize_t(ins[i].shape.size());
      for (py::ssize_t d = 0; shapeOk && d < array.ndim(); ++d)
        shapeOk = array.shape(d) == ins[i].shape[d];
      if (!array.dtype().equal(dtype) || !shapeOk)
        throw Error(
            "input '" + ins[i].name + "' takes " + std::string(py::str(dtype)) +
            " " + std::string(py::str(shapeOf(ins[i]))) + ", got " +
            std::string(py::str(array.dtype())) + " " + shapeText(array));
      held.push_back(py::array::ensure(array, py::array::c_style));
      inPtrs.push_back(held.back().data());
    }
    py::list results;
    std::vector<void *> outPtrs;
    for (const codegen::TensorInterface &out : model_.interface.outputs) {
      py::array array(py::dtype(codegen::runtimeDTypeName(out.dtype).str()),
                      out.shape);
      outPtrs.push_back(array.mutable_data());
      results.append(array);
    }
    edgec_status status;
    {
      py::gil_scoped_release release;
      // The runtime runs one inference of a model object at a time.
      std::lock_guard<std::mutex> lock(mutex_);
      status = loaded_->setNumThreads(threads);
      if (status == EDGEC_OK)
        status = loaded_->run(inPtrs.data(), outPtrs.data());
    }
    if (status != EDGEC_OK)
      throw Error(std::string("the model failed: ") +
                  loaded_->statusString(status));
    return results;
  }

  /// Runs the artifact with `edgec run`'s runner (natively, or under qemu
  /// for other architectures) on the runner's arguments; returns its
  /// standard output.
  std::string runRunner(const std::vector<std::string> &args) {
    std::string error, output;
    int status;
    {
      py::gil_scoped_release release;
      status = cpu::runModel(model_, args, error, &output);
    }
    if (status < 0)
      throw Error(error);
    if (status != 0)
      throw Error("the model's runner failed (exit status " +
                  std::to_string(status) + ")" +
                  (output.empty() ? "" : ": " + output));
    return output;
  }

  /// The module after `stage`, as `edgec --emit=<stage>` prints it.
  std::string ir(const std::string &stage, bool printConstants) {
    std::string error;
    CompileOptions options = options_;
    options.emit = parseStage(stage, error);
    if (!options.emit)
      throw Error(error);
    options.printConstants = printConstants;
    std::string text;
    py::gil_scoped_release release;
    withContext<cpu::CpuModel>(path_, [&](mlir::MLIRContext &c) {
      llvm::raw_string_ostream os(text);
      return compileModel(c, path_, options, os);
    });
    return text;
  }

  /// `edgec inspect --json`'s object, as text.
  std::string inspect() {
    py::gil_scoped_release release;
    ModelReport report =
        withContext<ModelReport>(path_, [&](mlir::MLIRContext &c) {
          return inspectModel(c, path_, options_);
        });
    std::string text;
    llvm::raw_string_ostream os(text);
    os << toJSON(report);
    return text;
  }

  void save(const std::string &dir) {
    std::string error;
    py::gil_scoped_release release;
    if (failed(cpu::writeArtifact(model_, dir, error)))
      throw Error(error);
  }

private:
  std::string path_;
  CompileOptions options_;
  cpu::CpuModel model_;
  std::unique_ptr<cpu::LoadedModel> loaded_;
  std::mutex mutex_;
};

CompileOptions makeOptions(
    const std::string &target, const std::string &name,
    const std::map<std::string, std::vector<int64_t>> &inputShapes,
    const std::string &convAlgorithm, const std::string &tuningDb = "",
    const std::string &quantize = "", const std::string &calibrationData = "",
    const std::string &calibrator = "minmax", double accuracyBudget = -1) {
  CompileOptions options;
  options.target = target;
  options.modelName = name;
  options.convAlgorithm = convAlgorithm;
  options.tuningDb = tuningDb;
  options.quantize = quantize;
  options.calibrationData = calibrationData;
  options.calibrator = calibrator;
  options.accuracyBudget = accuracyBudget;
  for (const auto &[input, shape] : inputShapes) {
    for (int64_t dim : shape)
      if (dim < 1)
        throw Error("input_shapes['" + input +
                    "'] must hold positive dimensions");
    options.import.inputShapes[input].assign(shape.begin(), shape.end());
  }
  return options;
}

py::object optionalMs(const std::optional<double> &ms) {
  return ms ? py::object(py::float_(*ms)) : py::object(py::none());
}

/// edgec.tune: `edgec tune` with an optional progress callback.
py::list tune(const std::string &path, const std::string &target,
              const std::map<std::string, std::vector<int64_t>> &inputShapes,
              const std::string &dbPath, int trials, int batch, int threads,
              const std::string &runner, const std::string &sshConfig,
              py::object progress) {
  CompileOptions options = makeOptions(target, "", inputShapes, "");
  tuning::TuneOptions tune;
  tune.trials = trials;
  tune.batch = batch;
  tune.runner.threads = threads;
  tune.runner.sshConfig = sshConfig;
  tune.runnerSpec = runner;
  std::string error = tuning::checkTuneOptions(options, dbPath, tune);
  if (!error.empty())
    throw Error(error);
  std::unique_ptr<tuning::TuningDb> db = tuning::TuningDb::open(dbPath, error);
  if (!db)
    throw Error(error + " (--db)");
  if (!progress.is_none())
    tune.progress = [&](const tuning::TuneProgress &p) {
      py::gil_scoped_acquire gil;
      py::dict d;
      d["workload"] = p.workload;
      d["workloads"] = p.workloads;
      d["key"] = p.key;
      d["trials"] = p.trials;
      d["budget"] = p.budget;
      d["best_ms"] = optionalMs(p.bestMs);
      d["default_ms"] = optionalMs(p.defaultMs);
      progress(d);
    };
  std::vector<tuning::WorkloadReport> reports;
  {
    py::gil_scoped_release release;
    reports = withContext<std::vector<tuning::WorkloadReport>>(
        path, [&](mlir::MLIRContext &c) {
          return tuning::tuneModel(c, path, options, *db, tune);
        });
  }
  py::list list;
  for (const tuning::WorkloadReport &r : reports) {
    py::dict d;
    d["workload"] = r.key;
    d["family"] = r.family;
    d["uses"] = r.uses;
    d["macs"] = r.macs;
    d["space_size"] = r.spaceSize;
    d["trials"] = r.trials;
    d["default_ms"] = optionalMs(r.defaultMs);
    d["best_ms"] = optionalMs(r.bestMs);
    d["best_schedule"] = r.best;
    d["trials_to_within_10_percent"] = r.trialsToWithin10;
    d["predicted"] = r.predicted;
    list.append(d);
  }
  return list;
}

py::list targets() {
  py::list list;
  for (const DeviceDescription &d : allDevices()) {
    py::dict device;
    device["name"] = d.name;
    device["summary"] = d.summary;
    device["family"] = deviceFamilyName(d.family).str();
    device["available"] = d.available;
    device["status"] = d.status;
    device["triple"] = d.triple;
    device["cpu"] = d.cpu;
    device["cores"] = d.cores;
    device["clock_ghz"] = d.clockGHz;
    device["vector_bits"] = d.vectorBits;
    device["emulated"] = d.emulated;
    list.append(device);
  }
  return list;
}

} // namespace

PYBIND11_MODULE(_edgec, m) {
  m.doc() = "edgec's compiler and runtime (use the edgec package)";
  py::register_exception<Error>(m, "EdgecError", PyExc_RuntimeError);

  py::class_<Model>(m, "Model")
      .def(
          py::init(
              [](const std::string &path, const std::string &target,
                 const std::string &name,
                 const std::map<std::string, std::vector<int64_t>> &inputShapes,
                 const std::string &convAlgorithm, const std::string &tuningDb,
                 const std::string &quantize,
                 const std::string &calibrationData,
                 const std::string &calibrator, double accuracyBudget) {
                return std::make_unique<Model>(
                    path, makeOptions(target, name, inputShapes, convAlgorithm,
                                      tuningDb, quantize, calibrationData,
                                      calibrator, accuracyBudget));
              }),
          py::arg("path"), py::arg("target"), py::arg("name"),
          py::arg("input_shapes"), py::arg("conv_algorithm"),
          py::arg("tuning_db"), py::arg("quantize"),
          py::arg("calibration_data"), py::arg("calibrator"),
          py::arg("accuracy_budget"))
      .def_property_readonly("inputs", &Model::inputs)
      .def_property_readonly("outputs", &Model::outputs)
      .def_property_readonly("target", &Model::target)
      .def_property_readonly("name", &Model::name)
      .def_property_readonly("compile_seconds", &Model::compileSeconds)
      .def_property_readonly("native", &Model::native)
      .def("run", &Model::run, py::arg("arrays"), py::arg("threads"))
      .def("run_runner", &Model::runRunner, py::arg("args"))
      .def("ir", &Model::ir, py::arg("stage"), py::arg("print_constants"))
      .def("inspect", &Model::inspect)
      .def("save", &Model::save, py::arg("dir"));

  m.def("targets", &targets, "Every named device and what edgec does for it");
  m.def("tune", &tune, py::arg("path"), py::arg("target"),
        py::arg("input_shapes"), py::arg("db"), py::arg("trials"),
        py::arg("batch"), py::arg("threads"), py::arg("runner"),
        py::arg("ssh_config"), py::arg("progress"),
        "Tunes a model's convolutions into a tuning database");
}
