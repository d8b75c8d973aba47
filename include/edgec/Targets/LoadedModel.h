//===- LoadedModel.h - A compiled model loaded into this process -*- C++
//-*-===//
//
// The Python bindings run models in their own process: the artifact's
// static library is linked into a shared object by the device's C compiler
// and loaded with dlopen, so the code that runs is the code users deploy.
// Only devices of this machine's architecture load; the others run through
// `runModel` (under qemu).
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_TARGETS_LOADEDMODEL_H
#define EDGEC_TARGETS_LOADEDMODEL_H

#include "edgec/Targets/CpuTarget.h"
#include "edgec/edgec_runtime.h"

#include <memory>

namespace edgec::cpu {

class LoadedModel {
public:
  /// Links and loads `model`; null with `error` set when that fails.
  static std::unique_ptr<LoadedModel> load(const CpuModel &model,
                                           std::string &error);
  ~LoadedModel();
  LoadedModel(const LoadedModel &) = delete;
  LoadedModel &operator=(const LoadedModel &) = delete;

  const edgec_model_desc &description() const;
  /// One inference; buffers as edgec_model_run takes them.
  edgec_status run(const void *const *inputs, void *const *outputs);
  edgec_status setNumThreads(int threads);
  /// The runtime's text for `status`.
  const char *statusString(edgec_status status) const;

private:
  LoadedModel() = default;

  struct Api;
  std::unique_ptr<Api> api_;
  void *library_ = nullptr;
  edgec_model *model_ = nullptr;
  /// 64-byte aligned, so the runtime references it instead of copying.
  void *weights_ = nullptr;
};

} // namespace edgec::cpu

#endif // EDGEC_TARGETS_LOADEDMODEL_H
