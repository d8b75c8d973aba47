//===- edgec.cpp - The edgec command line driver --------------------------===//
//
//   edgec MODEL.onnx --target=T -o OUT     compile (the default subcommand)
//   edgec run MODEL.onnx --target=T --input NAME=FILE.npy --output-dir DIR
//   edgec bench MODEL.onnx --target=host --threads=N [--json]
//   edgec inspect MODEL.onnx [--json]
//   edgec tune MODEL.onnx --target=host --trials=N --db FILE
//   edgec --list-targets | --list-ops
//
// Every failure is one `error: ...` line on stderr and exit status 1. Each
// subcommand lives in the file of its name.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace edgec::tool;

namespace {

cl::opt<bool> listOps("list-ops",
                      cl::desc("Print the supported ONNX operators as a "
                               "Markdown table (docs/ops.md)"),
                      cl::sub(cl::SubCommand::getTopLevel()),
                      cl::cat(category));
cl::opt<bool> listTargets("list-targets",
                          cl::desc("List the devices and what each supports"),
                          cl::sub(cl::SubCommand::getTopLevel()),
                          cl::cat(category));

} // namespace

int main(int argc, char **argv) {
  sys::PrintStackTraceOnErrorSignal(argv[0]);
  cl::HideUnrelatedOptions(category);
  std::string parseErrors;
  raw_string_ostream parseStream(parseErrors);
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "edgec: a deep-learning compiler for edge devices\n\n"
          "  edgec MODEL.onnx --target=T -o OUT\n"
          "  edgec run MODEL.onnx --target=T --input NAME=FILE.npy "
          "--output-dir DIR\n"
          "  edgec bench MODEL.onnx --target=host --threads=N [--json]\n"
          "  edgec inspect MODEL.onnx [--json]\n"
          "  edgec tune MODEL.onnx --target=host --trials=N --db FILE\n"
          "  edgec --list-targets | --list-ops\n",
          &parseStream)) {
    // LLVM says "edgec: <problem>"; keep the first line, in our form.
    StringRef first = StringRef(parseErrors).split('\n').first.trim();
    first.consume_front("edgec: ");
    return fail(first);
  }
  if (runCommand())
    return runMain();
  if (benchCommand())
    return benchMain();
  if (inspectCommand())
    return inspectMain();
  if (tuneCommand())
    return tuneMain();
  if (listTargets)
    return listTargetsMain();
  if (listOps)
    return listOpsMain();
  return compileMain();
}
