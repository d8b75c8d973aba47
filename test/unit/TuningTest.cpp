//===- TuningTest.cpp - Workloads, search spaces and the tuning database --===//

#include "autotuner/ConvSchedule.h"
#include "autotuner/CostModel.h"
#include "autotuner/ReferenceConv.h"
#include "autotuner/Runner.h"
#include "autotuner/SearchSpace.h"
#include "autotuner/TuningDb.h"
#include "autotuner/Workload.h"
#include "dialects/graph/IR/GraphOps.h"
#include "edgec/Driver/Compiler.h"
#include "edgec/Targets/LoadedModel.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/FileSystem.h"

#include <gtest/gtest.h>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace edgec;
using namespace edgec::tuning;

namespace {

ConvWorkload workload(llvm::StringRef key) {
  std::optional<ConvWorkload> w = ConvWorkload::parse(key);
  EXPECT_TRUE(w.has_value()) << key.str();
  return w.value_or(ConvWorkload());
}

TEST(Workload, KeysRoundTrip) {
  for (llvm::StringRef key :
       {"conv in=1x3x224x224 w=64x3x7x7 s=2x2 d=1x1 p=3x3x3x3 g=1 bias",
        "conv in=1x32x112x112 w=32x1x3x3 s=1x1 d=1x1 p=1x1x1x1 g=32",
        "conv in=1x16x50 w=8x4x5 s=2 d=3 p=2x2 g=4 bias"})
    EXPECT_EQ(workload(key).key(), key.str());
}

TEST(Workload, RejectsKeysThatDoNotFit) {
  for (llvm::StringRef key : {
           "",
           "matmul in=1x3x8x8 w=8x3x3x3 s=1x1 d=1x1 p=1x1x1x1 g=1",
           "conv in=1x3x8x8 w=8x3x3x3 s=1x1 d=1x1 p=1x1x1x1",
           // Channels and groups disagree.
           "conv in=1x3x8x8 w=8x2x3x3 s=1x1 d=1x1 p=1x1x1x1 g=1",
           "conv in=1x4x8x8 w=6x1x3x3 s=1x1 d=1x1 p=1x1x1x1 g=4",
           // The window does not fit the image.
           "conv in=1x3x2x2 w=8x3x5x5 s=1x1 d=1x1 p=0x0x0x0 g=1",
           "conv in=1x3x8x8 w=8x3x3x3 s=0x1 d=1x1 p=1x1x1x1 g=1",
           "conv in=1x3x8x8 w=8x3x3x3 s=1x1 d=1x1 p=1x1x1x1 g=1 nonsense",
       })
    EXPECT_FALSE(ConvWorkload::parse(key).has_value()) << key.str();
}

TEST(Workload, CountsShapesAndMacs) {
  ConvWorkload stem =
      workload("conv in=1x3x224x224 w=64x3x7x7 s=2x2 d=1x1 p=3x3x3x3 g=1 bias");
  EXPECT_EQ(stem.outputShape(),
            (llvm::SmallVector<int64_t, 4>{1, 64, 112, 112}));
  // ResNet's stem: 118 MMACs, as torchvision counts it.
  EXPECT_EQ(stem.macs(), 118013952);
  EXPECT_EQ(stem.family(), "conv k=7x7 s=2x2 d=1x1 dense");
  EXPECT_EQ(
      workload("conv in=1x32x112x112 w=32x1x3x3 s=1x1 d=1x1 p=1x1x1x1 g=32")
          .family(),
      "conv k=3x3 s=1x1 d=1x1 depthwise");
  EXPECT_EQ(workload("conv in=1x16x50 w=8x4x5 s=2 d=3 p=2x2 g=4").family(),
            "conv k=5 s=2 d=3 grouped");
}

TEST(ConvSchedule, ParsesWhatItPrints) {
  for (llvm::StringRef text : {"direct r8 v2", "winograd4", "depthwise r4 v1"})
    EXPECT_EQ(ConvSchedule::parse(text).value_or(ConvSchedule()).str(),
              text.str());
  for (llvm::StringRef text :
       {"", "default", "fast r8 v2", "direct r8", "direct r0 v2",
        "direct v2 r8", "direct r8 v2 u4"})
    EXPECT_FALSE(ConvSchedule::parse(text).has_value()) << text.str();
}

/// The edge.conv of a workload's module.
graph::ConvOp convOf(mlir::ModuleOp module) {
  graph::ConvOp found;
  module.walk([&](graph::ConvOp op) { found = op; });
  return found;
}

class SearchSpaceTest : public ::testing::Test {
protected:
  SearchSpaceTest() { prepareContext(context); }
  std::vector<ConvSchedule> space(llvm::StringRef key,
                                  const DeviceDescription &device) {
    module = workload(key).buildModule(context);
    return searchSpace(convOf(*module), device);
  }
  static std::set<std::string> algorithms(const std::vector<ConvSchedule> &s) {
    std::set<std::string> names;
    for (const ConvSchedule &c : s)
      names.insert(c.algorithm);
    return names;
  }
  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
};

TEST_F(SearchSpaceTest, HoldsOnlyTilesTheRegistersHold) {
  for (llvm::StringRef target : {"host", "rpi4"}) {
    const DeviceDescription &device = *findDevice(target);
    auto points = space(
        "conv in=1x64x56x56 w=64x64x3x3 s=1x1 d=1x1 p=1x1x1x1 g=1", device);
    EXPECT_EQ(
        algorithms(points),
        (std::set<std::string>{"direct", "im2col", "winograd2", "winograd4"}));
    std::set<std::string> seen;
    for (const ConvSchedule &s : points) {
      EXPECT_TRUE(seen.insert(s.str()).second) << s.str();
      if (s.rows == 0)
        continue;
      EXPECT_LE(s.rows * s.vectors + s.vectors + 1, device.vectorRegisters);
      // 64 channels are 64 / lanes vectors: no tile is wider.
      EXPECT_LE(s.vectors * device.vectorLanes(),
                std::max<int64_t>(64, device.vectorLanes()));
    }
  }
}

TEST_F(SearchSpaceTest, OffersOnlyAlgorithmsThatApply) {
  const DeviceDescription &rpi4 = *findDevice("rpi4");
  EXPECT_EQ(
      algorithms(space(
          "conv in=1x32x28x28 w=32x1x3x3 s=2x2 d=1x1 p=1x1x1x1 g=32", rpi4)),
      (std::set<std::string>{"depthwise", "direct"}));
  EXPECT_EQ(
      algorithms(space(
          "conv in=1x32x28x28 w=64x32x1x1 s=1x1 d=1x1 p=0x0x0x0 g=1", rpi4)),
      (std::set<std::string>{"direct", "im2col", "pointwise"}));
  // A strided 3x3 conv has no Winograd form; a 1-pixel row, no long tiles.
  auto strided =
      space("conv in=1x8x8x1 w=8x8x3x1 s=2x1 d=1x1 p=1x0x1x0 g=1", rpi4);
  EXPECT_EQ(algorithms(strided), (std::set<std::string>{"direct", "im2col"}));
  for (const ConvSchedule &s : strided)
    if (s.algorithm == "direct")
      EXPECT_EQ(s.rows, 1);
}

TEST(CostModel, PrefersTilesThatFeedTheFmaUnits) {
  const DeviceDescription &rpi4 = *findDevice("rpi4");
  ConvWorkload w =
      workload("conv in=1x64x56x56 w=64x64x3x3 s=1x1 d=1x1 p=1x1x1x1 g=1");
  double small = predictMs(w, {"direct", 1, 1}, rpi4);
  double large = predictMs(w, {"direct", 7, 2}, rpi4);
  EXPECT_GT(small, 2 * large);
  // 231 MMACs at 4 lanes x 2 FMAs x 1.5 GHz: no schedule beats the peak.
  EXPECT_GT(large, 1e3 * w.macs() / (4 * 2 * 1.5e9) * 0.999);
  // Winograd F(4x4, 3x3) multiplies 4x less.
  EXPECT_LT(predictMs(w, {"winograd4", 0, 0}, rpi4), large);
}

class TuningDbTest : public ::testing::Test {
protected:
  void SetUp() override {
    llvm::SmallString<128> dir;
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("edgec-tuning", dir));
    directory = std::string(dir);
    path = directory + "/t.db";
    std::string error;
    db = TuningDb::open(path, error);
    ASSERT_TRUE(db) << error;
  }
  void TearDown() override {
    db.reset();
    llvm::sys::fs::remove_directories(directory);
  }
  void record(llvm::StringRef workload, llvm::StringRef schedule,
              std::optional<double> ms) {
    Measurement m;
    m.device = "host";
    m.workload = workload.str();
    m.family = "conv k=3x3 s=1x1 d=1x1 dense";
    m.schedule = schedule.str();
    m.ms = ms;
    m.error = ms ? "" : "failed";
    std::string error;
    ASSERT_TRUE(db->record(m, error)) << error;
  }
  std::string directory, path;
  std::unique_ptr<TuningDb> db;
};

TEST_F(TuningDbTest, KeepsTheFastestRecordOfEachWorkload) {
  record("a", "default", 2.0);
  record("a", "direct r8 v2", 1.5);
  record("a", "winograd4", std::nullopt);
  record("b", "default", 1.0);
  record("b", "im2col r4 v1", 3.0);
  std::vector<Measurement> best = db->best("host");
  ASSERT_EQ(best.size(), 2u);
  EXPECT_EQ(best[0].workload, "a");
  EXPECT_EQ(best[0].schedule, "direct r8 v2");
  EXPECT_EQ(best[1].schedule, "default");
  EXPECT_TRUE(db->best("rpi5").empty());
  auto all = db->measurements("host", "a");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_FALSE(all[2].ms.has_value());
  EXPECT_EQ(all[2].error, "failed");
  // Records of other workloads in the family, best relative to their
  // default first, seed a new workload's search.
  auto family =
      db->bestInFamily("host", "conv k=3x3 s=1x1 d=1x1 dense", "c", 4);
  ASSERT_EQ(family.size(), 2u);
  EXPECT_EQ(family[0].schedule, "direct r8 v2");
  // Confirmed times rank before search times: re-measured, the default of
  // "a" is the faster after all.
  std::string error;
  ASSERT_TRUE(db->confirm("host", "a", "default", 1.2, error)) << error;
  ASSERT_TRUE(db->confirm("host", "a", "direct r8 v2", 1.4, error)) << error;
  best = db->best("host");
  EXPECT_EQ(best[0].schedule, "default");
  EXPECT_EQ(best[0].confirmedMs, 1.2);
}

TEST_F(TuningDbTest, RanksVerifiedRecordsByPredictionAfterTimes) {
  // A board's workload verified under qemu: no times, the best prediction
  // wins; a failed candidate never does, however fast it was predicted.
  auto verified = [&](llvm::StringRef schedule, double predicted,
                      llvm::StringRef error) {
    Measurement m;
    m.device = "rpi4";
    m.workload = "a";
    m.family = "conv k=3x3 s=1x1 d=1x1 dense";
    m.schedule = schedule.str();
    m.error = error.str();
    m.predictedMs = predicted;
    m.runner = "qemu";
    std::string why;
    ASSERT_TRUE(db->record(m, why)) << why;
  };
  verified("default", 3.0, "");
  verified("direct r4 v1", 2.0, "");
  verified("winograd4", 1.0, "wrong values under qemu");
  std::vector<Measurement> best = db->best("rpi4");
  ASSERT_EQ(best.size(), 1u);
  EXPECT_EQ(best[0].schedule, "direct r4 v1");
  EXPECT_EQ(best[0].runner, "qemu");
  EXPECT_FALSE(best[0].ms.has_value());
  // Only times train the learned model.
  EXPECT_TRUE(db->allMeasurements("rpi4").empty());
  // Once the board is timed (ssh), times rank before every prediction.
  Measurement timed;
  timed.device = "rpi4";
  timed.workload = "a";
  timed.family = "conv k=3x3 s=1x1 d=1x1 dense";
  timed.schedule = "direct r8 v2";
  timed.ms = 5.0;
  timed.runner = "ssh://pi@board";
  std::string error;
  ASSERT_TRUE(db->record(timed, error)) << error;
  best = db->best("rpi4");
  EXPECT_EQ(best[0].schedule, "direct r8 v2");
  EXPECT_EQ(best[0].runner, "ssh://pi@board");
}

TEST_F(TuningDbTest, ClaimsKeepTwoTunersApart) {
  EXPECT_TRUE(db->claim("host", "a", "direct r8 v2"));
  // A claim of this process is not taken twice... by another process.
  pid_t child = fork();
  if (child == 0) {
    std::string error;
    auto other = TuningDb::open(path, error);
    bool taken = other && other->claim("host", "a", "direct r8 v2");
    bool own = other && other->claim("host", "a", "direct r4 v2");
    _exit(!taken && own ? 0 : 1);
  }
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  // The child died holding "direct r4 v2": its claim is taken over.
  EXPECT_TRUE(db->claim("host", "a", "direct r4 v2"));
  // A measured candidate is never claimed again.
  record("a", "direct r8 v2", 1.0);
  EXPECT_FALSE(db->claim("host", "a", "direct r8 v2"));
}

TEST_F(TuningDbTest, RefusesFilesThatAreNotDatabases) {
  std::string junk = directory + "/junk.db";
  {
    std::error_code ec;
    llvm::raw_fd_ostream out(junk, ec);
    out << "not a database, but long enough to look like a header.........";
  }
  std::string error;
  EXPECT_FALSE(TuningDb::open(junk, error));
  EXPECT_NE(error.find("is not a usable tuning database"), std::string::npos)
      << error;
}

} // namespace

// The qemu runner's reference, checked against the compiler's own code run
// on this machine: two independent computations of the same convolution.
class ReferenceConvTest : public ::testing::TestWithParam<const char *> {
protected:
  ReferenceConvTest() { prepareContext(context); }
  mlir::MLIRContext context;
};

TEST_P(ReferenceConvTest, AgreesWithCompiledCode) {
  ConvWorkload w = workload(GetParam());
  std::string error;
  const DeviceDescription *host = findDevice("host");
  auto model = compileCandidate(context, w, std::nullopt, *host, error);
  ASSERT_TRUE(succeeded(model)) << error;
  auto loaded = cpu::LoadedModel::load(*model, error);
  ASSERT_TRUE(loaded) << error;
  int64_t in = 1, out = 1;
  for (int64_t d : w.input)
    in *= d;
  for (int64_t d : w.outputShape())
    out *= d;
  std::vector<float> input(in), output(out);
  for (int64_t i = 0; i < in; ++i)
    input[i] = static_cast<float>((i * 7919) % 201 - 100) / 100.0f;
  const void *inputs[] = {input.data()};
  void *outputs[] = {output.data()};
  ASSERT_EQ(loaded->run(inputs, outputs), EDGEC_OK);
  std::vector<float> want = referenceConv(w, input);
  EXPECT_LE(relativeL2(output, want), toleranceFor("direct"));
  // One output off by a little more than the bound allows is caught.
  output[out / 2] += 0.1f;
  EXPECT_GT(relativeL2(output, want), toleranceFor("direct"));
  output.pop_back();
  EXPECT_EQ(relativeL2(output, want), INFINITY);
}

INSTANTIATE_TEST_SUITE_P(
    Workloads, ReferenceConvTest,
    ::testing::Values(
        "conv in=1x16x9x9 w=24x16x3x3 s=1x1 d=1x1 p=1x1x1x1 g=1 bias",
        "conv in=1x8x11x10 w=16x8x3x3 s=2x2 d=1x1 p=0x1x1x0 g=1",
        "conv in=1x16x12x12 w=16x1x3x3 s=1x1 d=2x2 p=2x2x2x2 g=16 bias",
        "conv in=1x12x7x7 w=18x4x1x1 s=1x1 d=1x1 p=0x0x0x0 g=3 bias",
        "conv in=1x32x8x8 w=64x32x1x1 s=1x1 d=1x1 p=0x0x0x0 g=1",
        "conv in=1x6x20 w=10x6x5 s=2 d=1 p=2x1 g=1 bias"));

TEST(Runners, NameTheFlagWhenTheyCannotServeTheTarget) {
  const DeviceDescription *host = findDevice("host");
  const DeviceDescription *rpi4 = findDevice("rpi4");
  RunnerOptions options;
  std::string error;
  auto local = createRunner("", *host, options, error);
  ASSERT_TRUE(local);
  EXPECT_EQ(local->name(), "local");
  EXPECT_TRUE(local->timed());
  auto qemu = createRunner("qemu", *rpi4, options, error);
  ASSERT_TRUE(qemu);
  EXPECT_FALSE(qemu->timed());
  for (const char *spec : {"ssh://pi@board", "ssh://board:2222",
                           "ssh://pi@10.0.0.7:22", "ssh://board"}) {
    auto ssh = createRunner(spec, *rpi4, options, error);
    ASSERT_TRUE(ssh) << spec << ": " << error;
    EXPECT_EQ(ssh->name(), spec);
    EXPECT_TRUE(ssh->timed());
  }
  for (const char *spec : {"ssh://", "ssh://pi@", "ssh://pi@board:0",
                           "ssh://board:x", "ssh://-oProxyCommand=x", "tcp"}) {
    error.clear();
    EXPECT_FALSE(createRunner(spec, *rpi4, options, error)) << spec;
    EXPECT_NE(error.find("--runner="), std::string::npos) << error;
  }
  EXPECT_FALSE(createRunner("local", *rpi4, options, error));
  EXPECT_FALSE(createRunner("qemu", *host, options, error));
}
