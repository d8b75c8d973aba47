//===- LoadedModel.cpp - A compiled model loaded into this process --------===//

#include "edgec/Targets/LoadedModel.h"

#include "Process.h"

#include "llvm/Support/Path.h"

#include <cstdlib>
#include <cstring>
#include <dlfcn.h>

namespace edgec::cpu {

/// The runtime functions of the loaded library (each shared object carries
/// its own copy of the runtime).
struct LoadedModel::Api {
  decltype(&edgec_model_create_from_memory) create;
  decltype(&edgec_model_run) run;
  decltype(&edgec_model_destroy) destroy;
  decltype(&edgec_model_set_num_threads) setNumThreads;
  decltype(&edgec_status_string) statusString;
  const edgec_model_desc *description;
};

std::unique_ptr<LoadedModel> LoadedModel::load(const CpuModel &model,
                                               std::string &error) {
  if (!runsNatively(*model.device)) {
    error = "target '" + model.device->name +
            "' code cannot run in this process; it runs under qemu";
    return nullptr;
  }
  TempDir temp;
  if (!temp.create("edgec-load", error))
    return nullptr;
  llvm::SmallString<256> artifact(temp.path), library(temp.path);
  llvm::sys::path::append(artifact, "artifact");
  llvm::sys::path::append(library, model.name + ".so");
  if (failed(writeArtifact(model, artifact, error)))
    return nullptr;
  llvm::SmallString<256> archive(artifact);
  llvm::sys::path::append(archive, "lib" + model.name + ".a");
  std::string compiler;
  if (!findTool("cc", compiler, error))
    return nullptr;
  // The whole archive: nothing in the shared object calls the runtime's
  // entry points, which are what this process looks up.
  int status = execute(compiler,
                       {"-shared", "-o", std::string(library),
                        "-Wl,--whole-archive", std::string(archive),
                        "-Wl,--no-whole-archive", "-lm", "-lpthread"},
                       error);
  if (status != 0) {
    if (error.empty())
      error =
          "linking the model into a shared object failed (" + compiler + ")";
    return nullptr;
  }

  std::unique_ptr<LoadedModel> loaded(new LoadedModel);
  // RTLD_LOCAL: every model keeps its own runtime and symbols.
  loaded->library_ = dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!loaded->library_) {
    error = "cannot load the model: " + std::string(dlerror());
    return nullptr;
  }
  auto api = std::make_unique<Api>();
  auto lookup = [&](const std::string &name, auto &slot) {
    slot = reinterpret_cast<std::remove_reference_t<decltype(slot)>>(
        dlsym(loaded->library_, name.c_str()));
    if (!slot)
      error = "the loaded model lacks '" + name + "'";
    return slot != nullptr;
  };
  if (!lookup("edgec_model_create_from_memory", api->create) ||
      !lookup("edgec_model_run", api->run) ||
      !lookup("edgec_model_destroy", api->destroy) ||
      !lookup("edgec_model_set_num_threads", api->setNumThreads) ||
      !lookup("edgec_status_string", api->statusString) ||
      !lookup("edgec_model_" + model.name, api->description))
    return nullptr;
  loaded->api_ = std::move(api);

  const std::vector<char> &weights = model.interface.weights;
  if (!weights.empty()) {
    size_t size = (weights.size() + 63) / 64 * 64;
    loaded->weights_ = std::aligned_alloc(64, size);
    if (!loaded->weights_) {
      error = "out of memory for the weights";
      return nullptr;
    }
    std::memcpy(loaded->weights_, weights.data(), weights.size());
  }
  edgec_status created =
      loaded->api_->create(loaded->api_->description, loaded->weights_,
                           weights.size(), &loaded->model_);
  if (created != EDGEC_OK) {
    error = "cannot create the model: " +
            std::string(loaded->api_->statusString(created));
    return nullptr;
  }
  return loaded;
}

LoadedModel::~LoadedModel() {
  if (model_)
    api_->destroy(model_);
  if (library_)
    dlclose(library_);
  std::free(weights_);
}

const edgec_model_desc &LoadedModel::description() const {
  return *api_->description;
}

edgec_status LoadedModel::run(const void *const *inputs, void *const *outputs) {
  return api_->run(model_, inputs, outputs);
}

edgec_status LoadedModel::setNumThreads(int threads) {
  return api_->setNumThreads(model_, threads);
}

const char *LoadedModel::statusString(edgec_status status) const {
  return api_->statusString(status);
}

} // namespace edgec::cpu
