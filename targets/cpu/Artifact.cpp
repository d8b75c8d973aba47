//===- Artifact.cpp - The directory users deploy --------------------------===//
//
// OUT/ holds everything a device needs to run the model with no compiler
// from edgec: lib<model>.a (the model and the C runtime), <model>.h and
// edgec_runtime.h, weights.bin, manifest.json, and a CMakeLists.txt with an
// example main.c that builds as it is.
//
//===----------------------------------------------------------------------===//

#include "edgec/Targets/CpuTarget.h"

#include "codegen/LLVM/RuntimeEntry.h"
#include "edgec/edgec_runtime.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "llvm/Object/Archive.h"
#include "llvm/Object/ArchiveWriter.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/TargetParser/Triple.h"

using namespace mlir;

namespace edgec::cpu {
namespace {

std::string archOf(const DeviceDescription &device) {
  return llvm::Triple(device.triple).getArchName().str();
}

bool writeFile(StringRef path, StringRef contents, std::string &error) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec, llvm::sys::fs::OF_None);
  if (ec) {
    error = "cannot write " + path.str() + ": " + ec.message();
    return false;
  }
  os << contents;
  os.close();
  if (os.has_error()) {
    error = "cannot write " + path.str() + ": " + os.error().message();
    os.clear_error();
    return false;
  }
  return true;
}

/// lib<model>.a: the model object plus every member of the prebuilt
/// runtime archive for the device's architecture.
bool writeLibrary(const CpuModel &model, StringRef path, std::string &error) {
  llvm::SmallString<256> runtime(findRuntimeDir());
  llvm::sys::path::append(runtime, archOf(*model.device), "libedgec_runtime.a");
  auto runtimeBuffer = llvm::MemoryBuffer::getFile(runtime);
  if (!runtimeBuffer) {
    error = "cannot read the " + archOf(*model.device) + " runtime " +
            runtime.str().str() + ": " + runtimeBuffer.getError().message();
    return false;
  }
  auto archive =
      llvm::object::Archive::create((*runtimeBuffer)->getMemBufferRef());
  if (!archive) {
    error = "corrupt runtime archive " + runtime.str().str() + ": " +
            llvm::toString(archive.takeError());
    return false;
  }
  std::vector<llvm::NewArchiveMember> members;
  std::string objectName = model.name + ".o";
  members.emplace_back(llvm::MemoryBufferRef(model.object, objectName));
  llvm::Error err = llvm::Error::success();
  for (const auto &child : (*archive)->children(err)) {
    auto member =
        llvm::NewArchiveMember::getOldMember(child, /*Deterministic=*/true);
    if (!member) {
      error = llvm::toString(member.takeError());
      return false;
    }
    members.push_back(std::move(*member));
  }
  if (err) {
    error = llvm::toString(std::move(err));
    return false;
  }
  auto buffer = llvm::writeArchiveToBuffer(
      members, llvm::SymtabWritingMode::NormalSymtab,
      llvm::object::Archive::K_GNU, /*Deterministic=*/true, /*Thin=*/false);
  if (!buffer) {
    error = llvm::toString(buffer.takeError());
    return false;
  }
  return writeFile(path, (*buffer)->getBuffer(), error);
}

std::string header(const CpuModel &model) {
  std::string upper = StringRef(model.name).upper();
  std::string tensors;
  auto list = [&](StringRef kind, ArrayRef<codegen::TensorInterface> entries) {
    for (auto [i, t] : llvm::enumerate(entries))
      tensors += fmt::format(" * {} {}: \"{}\" {}[{}]\n", kind, i, t.name,
                             codegen::runtimeDTypeName(t.dtype).str(),
                             fmt::join(t.shape, ", "));
  };
  list("input ", model.interface.inputs);
  list("output", model.interface.outputs);
  return fmt::format(R"(/* {name}: compiled by edgec from {source} for {target}.
 *
{tensors} *
 * See edgec_runtime.h for the API and main.c for an example. */
#ifndef EDGEC_MODEL_{upper}_H
#define EDGEC_MODEL_{upper}_H

#include "edgec_runtime.h"

#ifdef __cplusplus
extern "C" {{
#endif

extern const edgec_model_desc edgec_model_{name};

#define {upper}_NUM_INPUTS {inputs}
#define {upper}_NUM_OUTPUTS {outputs}

#ifdef __cplusplus
}}
#endif

#endif
)",
                     fmt::arg("name", model.name),
                     fmt::arg("source", model.source),
                     fmt::arg("target", model.device->name),
                     fmt::arg("tensors", tensors), fmt::arg("upper", upper),
                     fmt::arg("inputs", model.interface.inputs.size()),
                     fmt::arg("outputs", model.interface.outputs.size()));
}

llvm::json::Array tensorsJson(ArrayRef<codegen::TensorInterface> tensors) {
  llvm::json::Array list;
  for (const auto &t : tensors)
    list.push_back(
        llvm::json::Object{{"name", t.name},
                           {"dtype", codegen::runtimeDTypeName(t.dtype)},
                           {"shape", llvm::json::Array(t.shape)}});
  return list;
}

std::string manifest(const CpuModel &model) {
  const DeviceDescription &d = *model.device;
  llvm::json::Object root{
      {"format", "edgec-artifact"},
      {"abi_version", EDGEC_ABI_VERSION},
      {"model", model.name},
      {"source", model.source},
      {"target", d.name},
      {"device", d.summary},
      {"triple", d.triple},
      {"cpu", d.cpu},
      {"features", d.features},
      {"library", "lib" + model.name + ".a"},
      {"header", model.name + ".h"},
      {"descriptor", "edgec_model_" + model.name},
      {"weights",
       llvm::json::Object{
           {"file", "weights.bin"},
           {"bytes", static_cast<int64_t>(model.interface.weights.size())},
           {"fnv1a64",
            llvm::formatv("{0:x16}", codegen::fnv1a64(model.interface.weights))
                .str()}}},
      {"inputs", tensorsJson(model.interface.inputs)},
      {"outputs", tensorsJson(model.interface.outputs)},
      {"compile_ms", static_cast<int64_t>(model.compileSeconds * 1000)},
  };
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::formatv("{0:2}", llvm::json::Value(std::move(root))) << "\n";
  return text;
}

bool copyTemplate(const CpuModel &model, StringRef name, StringRef dir,
                  std::string &error) {
  llvm::SmallString<256> source(findRuntimeDir());
  llvm::sys::path::append(source, "templates", name);
  auto buffer = llvm::MemoryBuffer::getFile(source);
  if (!buffer) {
    error = "cannot read template " + source.str().str();
    return false;
  }
  std::string text = (*buffer)->getBuffer().str();
  for (size_t at; (at = text.find("@EDGEC_MODEL@")) != std::string::npos;)
    text.replace(at, 13, model.name);
  llvm::SmallString<256> target(dir);
  llvm::sys::path::append(target, name);
  return writeFile(target, text, error);
}

bool fillDirectory(const CpuModel &model, StringRef dir, std::string &error) {
  auto path = [&](StringRef name) {
    llvm::SmallString<256> p(dir);
    llvm::sys::path::append(p, name);
    return std::string(p);
  };
  return writeLibrary(model, path("lib" + model.name + ".a"), error) &&
         writeFile(path(model.name + ".h"), header(model), error) &&
         writeFile(path("weights.bin"),
                   StringRef(model.interface.weights.data(),
                             model.interface.weights.size()),
                   error) &&
         writeFile(path("manifest.json"), manifest(model), error) &&
         copyTemplate(model, "edgec_runtime.h", dir, error) &&
         copyTemplate(model, "main.c", dir, error) &&
         copyTemplate(model, "CMakeLists.txt", dir, error);
}

} // namespace

LogicalResult writeArtifact(const CpuModel &model, StringRef outDir,
                            std::string &error) {
  llvm::SmallString<256> out(outDir);
  llvm::sys::path::remove_dots(out, /*remove_dot_dot=*/true);
  if (out.empty() || out == "/") {
    error = "invalid output directory '" + outDir.str() + "' (-o)";
    return failure();
  }
  llvm::SmallString<256> parent(llvm::sys::path::parent_path(out));
  if (parent.empty())
    parent = ".";
  if (std::error_code ec = llvm::sys::fs::create_directories(parent)) {
    error = "cannot create the parent of output directory '" + outDir.str() +
            "' (-o): " + ec.message();
    return failure();
  }
  if (llvm::sys::fs::exists(out) && !llvm::sys::fs::is_directory(out)) {
    error = "output path '" + outDir.str() + "' is not a directory (-o)";
    return failure();
  }
  // Build beside the target, then rename: readers never see half an
  // artifact, and a failure leaves nothing.
  llvm::SmallString<256> temp;
  if (std::error_code ec =
          llvm::sys::fs::createUniqueDirectory(out + ".edgec-tmp", temp)) {
    error = "cannot create a directory beside '" + outDir.str() +
            "': " + ec.message();
    return failure();
  }
  if (!fillDirectory(model, temp, error)) {
    llvm::sys::fs::remove_directories(temp);
    return failure();
  }
  llvm::SmallString<256> old;
  if (llvm::sys::fs::exists(out)) {
    old = (out + ".edgec-old").str();
    llvm::sys::fs::remove_directories(old);
    if (std::error_code ec = llvm::sys::fs::rename(out, old)) {
      llvm::sys::fs::remove_directories(temp);
      error = "cannot replace '" + outDir.str() + "': " + ec.message();
      return failure();
    }
  }
  if (std::error_code ec = llvm::sys::fs::rename(temp, out)) {
    llvm::sys::fs::remove_directories(temp);
    if (!old.empty())
      llvm::sys::fs::rename(old, out);
    error = "cannot create '" + outDir.str() + "': " + ec.message();
    return failure();
  }
  if (!old.empty())
    llvm::sys::fs::remove_directories(old);
  return success();
}

} // namespace edgec::cpu
