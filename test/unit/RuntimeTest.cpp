//===- RuntimeTest.cpp - Tests of the C runtime and the .npy reader -------===//

#include "edgec/edgec_runtime.h"
#include "npy.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

std::string tempPath(const std::string &name) {
  return ::testing::TempDir() + "edgec_runtime_test_" +
         std::to_string(getpid()) + "_" + name;
}

void writeFile(const std::string &path, const std::string &bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool fileExists(const std::string &path) {
  return access(path.c_str(), F_OK) == 0;
}

//===----------------------------------------------------------------------===//
// A fake compiled model: y = x * 2 + weights[0], over float32[4].
//===----------------------------------------------------------------------===//

const int64_t kShape4[] = {4};
const edgec_tensor_desc kInputs[] = {{"x", EDGEC_DTYPE_F32, 1, kShape4}};
const edgec_tensor_desc kOutputs[] = {{"y", EDGEC_DTYPE_F32, 1, kShape4}};
const float kWeights[4] = {0.5f, 1.0f, 2.0f, 3.0f};
constexpr uint64_t kScratchSize = 256;

// What the entry saw on its last call.
struct {
  const void *weights;
  void *scratch;
  bool scratchWasZero;
} seen;

void doubleEntry(void **args) {
  const float *x = static_cast<const float *>(args[0]);
  float *y = static_cast<float *>(args[1]);
  const float *w = static_cast<const float *>(args[2]);
  seen.weights = args[2];
  seen.scratch = args[3];
  seen.scratchWasZero = true;
  auto *scratch = static_cast<unsigned char *>(args[3]);
  for (uint64_t i = 0; scratch && i < kScratchSize; ++i)
    seen.scratchWasZero &= scratch[i] == 0;
  if (scratch)
    scratch[0] = 1;
  for (int i = 0; i < 4; ++i)
    y[i] = x[i] * 2 + w[0];
}

edgec_model_desc makeDesc() {
  edgec_model_desc d{};
  d.abi_version = EDGEC_ABI_VERSION;
  d.num_inputs = 1;
  d.num_outputs = 1;
  d.inputs = kInputs;
  d.outputs = kOutputs;
  d.name = "double";
  d.target = "host";
  d.weights_size = sizeof kWeights;
  d.weights_hash = edgec_fnv1a64(kWeights, sizeof kWeights);
  d.scratch_size = kScratchSize;
  d.entry = doubleEntry;
  return d;
}

std::string weightBytes() {
  return std::string(reinterpret_cast<const char *>(kWeights), sizeof kWeights);
}

// Runs the model on {1, 2, 3, 4} and returns y.
std::vector<float> runOnce(edgec_model *m) {
  const float x[4] = {1, 2, 3, 4};
  std::vector<float> y(4, -1.0f);
  const void *in[] = {x};
  void *out[] = {y.data()};
  EXPECT_EQ(edgec_model_run(m, in, out), EDGEC_OK);
  return y;
}

class RuntimeModel : public ::testing::Test {
protected:
  void SetUp() override {
    desc = makeDesc();
    weightsPath = tempPath("weights.bin");
    writeFile(weightsPath, weightBytes());
  }
  void TearDown() override { std::remove(weightsPath.c_str()); }

  edgec_model_desc desc;
  std::string weightsPath;
};

TEST(Runtime, DtypeSizesAndNames) {
  EXPECT_EQ(edgec_dtype_size(EDGEC_DTYPE_F32), 4u);
  EXPECT_EQ(edgec_dtype_size(EDGEC_DTYPE_F16), 2u);
  EXPECT_EQ(edgec_dtype_size(EDGEC_DTYPE_I8), 1u);
  EXPECT_EQ(edgec_dtype_size(EDGEC_DTYPE_U8), 1u);
  EXPECT_EQ(edgec_dtype_size(EDGEC_DTYPE_I32), 4u);
  EXPECT_EQ(edgec_dtype_size(EDGEC_DTYPE_I64), 8u);
  EXPECT_EQ(edgec_dtype_size(EDGEC_DTYPE_BOOL), 1u);
  EXPECT_EQ(edgec_dtype_size(0), 0u);
  EXPECT_STREQ(edgec_dtype_name(EDGEC_DTYPE_F32), "float32");
  EXPECT_STREQ(edgec_dtype_name(EDGEC_DTYPE_F16), "float16");
  EXPECT_STREQ(edgec_dtype_name(EDGEC_DTYPE_I8), "int8");
  EXPECT_STREQ(edgec_dtype_name(EDGEC_DTYPE_U8), "uint8");
  EXPECT_STREQ(edgec_dtype_name(EDGEC_DTYPE_I32), "int32");
  EXPECT_STREQ(edgec_dtype_name(EDGEC_DTYPE_I64), "int64");
  EXPECT_STREQ(edgec_dtype_name(EDGEC_DTYPE_BOOL), "bool");
  EXPECT_STREQ(edgec_dtype_name(99), "unknown");
}

TEST(Runtime, StatusStringsAreDistinct) {
  const edgec_status all[] = {
      EDGEC_OK,          EDGEC_ERR_INVALID_ARGUMENT, EDGEC_ERR_IO,
      EDGEC_ERR_WEIGHTS, EDGEC_ERR_OUT_OF_MEMORY,    EDGEC_ERR_ABI};
  for (edgec_status a : all) {
    for (edgec_status b : all) {
      if (a != b) {
        EXPECT_STRNE(edgec_status_string(a), edgec_status_string(b));
      }
    }
  }
}

TEST(Runtime, TensorSizes) {
  const int64_t shape[] = {2, 3, 4};
  edgec_tensor_desc t = {"t", EDGEC_DTYPE_I64, 3, shape};
  EXPECT_EQ(edgec_tensor_num_elements(&t), 24);
  EXPECT_EQ(edgec_tensor_num_bytes(&t), 192u);

  edgec_tensor_desc scalar = {"s", EDGEC_DTYPE_F16, 0, nullptr};
  EXPECT_EQ(edgec_tensor_num_elements(&scalar), 1);
  EXPECT_EQ(edgec_tensor_num_bytes(&scalar), 2u);

  const int64_t negative[] = {2, -1};
  edgec_tensor_desc bad = {"b", EDGEC_DTYPE_F32, 2, negative};
  EXPECT_EQ(edgec_tensor_num_elements(&bad), -1);
  EXPECT_EQ(edgec_tensor_num_bytes(&bad), 0u);

  const int64_t huge[] = {INT64_C(1) << 40, INT64_C(1) << 40};
  edgec_tensor_desc overflow = {"o", EDGEC_DTYPE_F32, 2, huge};
  EXPECT_EQ(edgec_tensor_num_elements(&overflow), -1);
  EXPECT_EQ(edgec_tensor_num_elements(nullptr), -1);
}

TEST(Runtime, Fnv1a64MatchesReferenceVectors) {
  EXPECT_EQ(edgec_fnv1a64("", 0), UINT64_C(0xcbf29ce484222325));
  EXPECT_EQ(edgec_fnv1a64("a", 1), UINT64_C(0xaf63dc4c8601ec8c));
  EXPECT_EQ(edgec_fnv1a64("foobar", 6), UINT64_C(0x85944171f73967e8));
}

TEST_F(RuntimeModel, CreateFromFileAndRun) {
  edgec_model *m = nullptr;
  ASSERT_EQ(edgec_model_create(&desc, weightsPath.c_str(), &m), EDGEC_OK);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(edgec_model_description(m), &desc);
  EXPECT_EQ(runOnce(m), (std::vector<float>{2.5f, 4.5f, 6.5f, 8.5f}));
  EXPECT_EQ(reinterpret_cast<uintptr_t>(seen.weights) % 64, 0u);
  ASSERT_NE(seen.scratch, nullptr);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(seen.scratch) % 64, 0u);
  EXPECT_TRUE(seen.scratchWasZero);
  edgec_model_destroy(m);
}

TEST_F(RuntimeModel, CreateRejectsWrongSize) {
  writeFile(weightsPath, weightBytes() + "x");
  edgec_model *m = reinterpret_cast<edgec_model *>(&desc);
  EXPECT_EQ(edgec_model_create(&desc, weightsPath.c_str(), &m),
            EDGEC_ERR_WEIGHTS);
  EXPECT_EQ(m, nullptr);
}

TEST_F(RuntimeModel, CreateRejectsWrongHash) {
  std::string bytes = weightBytes();
  bytes[5] ^= 1;
  writeFile(weightsPath, bytes);
  edgec_model *m = nullptr;
  EXPECT_EQ(edgec_model_create(&desc, weightsPath.c_str(), &m),
            EDGEC_ERR_WEIGHTS);
  EXPECT_EQ(m, nullptr);
}

TEST_F(RuntimeModel, CreateRejectsMissingFileAndDirectory) {
  edgec_model *m = nullptr;
  EXPECT_EQ(edgec_model_create(&desc, tempPath("missing.bin").c_str(), &m),
            EDGEC_ERR_IO);
  EXPECT_EQ(edgec_model_create(&desc, ::testing::TempDir().c_str(), &m),
            EDGEC_ERR_IO);
  EXPECT_EQ(m, nullptr);
}

TEST_F(RuntimeModel, CreateRejectsAbiMismatch) {
  desc.abi_version = EDGEC_ABI_VERSION + 1;
  edgec_model *m = nullptr;
  EXPECT_EQ(edgec_model_create(&desc, weightsPath.c_str(), &m), EDGEC_ERR_ABI);
  EXPECT_EQ(
      edgec_model_create_from_memory(&desc, kWeights, sizeof kWeights, &m),
      EDGEC_ERR_ABI);
  EXPECT_EQ(m, nullptr);
}

TEST_F(RuntimeModel, CreateRejectsNullArguments) {
  edgec_model *m = nullptr;
  EXPECT_EQ(edgec_model_create(nullptr, weightsPath.c_str(), &m),
            EDGEC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(edgec_model_create(&desc, weightsPath.c_str(), nullptr),
            EDGEC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(edgec_model_create(&desc, nullptr, &m), EDGEC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(edgec_model_create_from_memory(&desc, nullptr, 16, &m),
            EDGEC_ERR_INVALID_ARGUMENT);
  desc.entry = nullptr;
  EXPECT_EQ(edgec_model_create(&desc, weightsPath.c_str(), &m),
            EDGEC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(m, nullptr);
}

TEST_F(RuntimeModel, ModelWithoutWeightsOrScratch) {
  desc.weights_size = 0;
  desc.weights_hash = edgec_fnv1a64(nullptr, 0);
  desc.scratch_size = 0;
  desc.entry = [](void **args) {
    seen.weights = args[2];
    seen.scratch = args[3];
    static_cast<float *>(args[1])[0] = 7;
  };
  edgec_model *m = nullptr;
  ASSERT_EQ(edgec_model_create(&desc, nullptr, &m), EDGEC_OK);
  EXPECT_EQ(runOnce(m)[0], 7);
  EXPECT_EQ(seen.weights, nullptr);
  EXPECT_EQ(seen.scratch, nullptr);
  edgec_model_destroy(m);

  // A given path must name an existing, empty file.
  EXPECT_EQ(edgec_model_create(&desc, tempPath("none.bin").c_str(), &m),
            EDGEC_ERR_IO);
  EXPECT_EQ(edgec_model_create(&desc, weightsPath.c_str(), &m),
            EDGEC_ERR_WEIGHTS);
  writeFile(weightsPath, "");
  ASSERT_EQ(edgec_model_create(&desc, weightsPath.c_str(), &m), EDGEC_OK);
  edgec_model_destroy(m);
}

TEST_F(RuntimeModel, FromAlignedMemoryIsReferenced) {
  void *buf = nullptr;
  ASSERT_EQ(posix_memalign(&buf, 64, sizeof kWeights), 0);
  std::memcpy(buf, kWeights, sizeof kWeights);
  edgec_model *m = nullptr;
  ASSERT_EQ(edgec_model_create_from_memory(&desc, buf, sizeof kWeights, &m),
            EDGEC_OK);
  EXPECT_EQ(runOnce(m)[0], 2.5f);
  EXPECT_EQ(seen.weights, buf);
  edgec_model_destroy(m);
  std::free(buf);
}

TEST_F(RuntimeModel, FromUnalignedMemoryIsCopied) {
  alignas(64) unsigned char storage[64 + sizeof kWeights];
  unsigned char *unaligned = storage + 4;
  std::memcpy(unaligned, kWeights, sizeof kWeights);
  edgec_model *m = nullptr;
  ASSERT_EQ(
      edgec_model_create_from_memory(&desc, unaligned, sizeof kWeights, &m),
      EDGEC_OK);
  std::memset(unaligned, 0, sizeof kWeights); // the model must not see this
  EXPECT_EQ(runOnce(m), (std::vector<float>{2.5f, 4.5f, 6.5f, 8.5f}));
  EXPECT_NE(seen.weights, static_cast<const void *>(unaligned));
  EXPECT_EQ(reinterpret_cast<uintptr_t>(seen.weights) % 64, 0u);
  edgec_model_destroy(m);
}

TEST_F(RuntimeModel, FromMemoryChecksSizeAndHash) {
  edgec_model *m = nullptr;
  EXPECT_EQ(edgec_model_create_from_memory(&desc, kWeights, 12, &m),
            EDGEC_ERR_WEIGHTS);
  float other[4] = {0.5f, 1.0f, 2.0f, 4.0f};
  EXPECT_EQ(edgec_model_create_from_memory(&desc, other, sizeof other, &m),
            EDGEC_ERR_WEIGHTS);
  EXPECT_EQ(m, nullptr);
}

TEST_F(RuntimeModel, RunRejectsNullPointers) {
  edgec_model *m = nullptr;
  ASSERT_EQ(edgec_model_create(&desc, weightsPath.c_str(), &m), EDGEC_OK);
  float x[4] = {}, y[4] = {};
  const void *in[] = {x};
  const void *nullIn[] = {nullptr};
  void *out[] = {y};
  EXPECT_EQ(edgec_model_run(nullptr, in, out), EDGEC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(edgec_model_run(m, nullptr, out), EDGEC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(edgec_model_run(m, in, nullptr), EDGEC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(edgec_model_run(m, nullIn, out), EDGEC_ERR_INVALID_ARGUMENT);
  edgec_model_destroy(m);
  edgec_model_destroy(nullptr);
}

TEST_F(RuntimeModel, ScratchIsPerModel) {
  edgec_model *a = nullptr, *b = nullptr;
  ASSERT_EQ(edgec_model_create(&desc, weightsPath.c_str(), &a), EDGEC_OK);
  ASSERT_EQ(edgec_model_create(&desc, weightsPath.c_str(), &b), EDGEC_OK);
  runOnce(a);
  void *scratchA = seen.scratch;
  runOnce(b); // a's entry dirtied its own scratch, not b's
  EXPECT_TRUE(seen.scratchWasZero);
  EXPECT_NE(seen.scratch, scratchA);
  edgec_model_destroy(a);
  edgec_model_destroy(b);
}

// More arguments than the runtime keeps on the stack: y = sum of 70 scalars.
TEST(Runtime, RunWithManyArguments) {
  constexpr int kN = 70;
  static std::vector<edgec_tensor_desc> inputs(
      kN, edgec_tensor_desc{"s", EDGEC_DTYPE_F32, 0, nullptr});
  static const edgec_tensor_desc output = {"sum", EDGEC_DTYPE_F32, 0, nullptr};
  edgec_model_desc d{};
  d.abi_version = EDGEC_ABI_VERSION;
  d.num_inputs = kN;
  d.num_outputs = 1;
  d.inputs = inputs.data();
  d.outputs = &output;
  d.weights_hash = edgec_fnv1a64(nullptr, 0);
  d.entry = [](void **args) {
    float sum = 0;
    for (int i = 0; i < kN; ++i)
      sum += *static_cast<const float *>(args[i]);
    *static_cast<float *>(args[kN]) = sum;
  };
  edgec_model *m = nullptr;
  ASSERT_EQ(edgec_model_create_from_memory(&d, nullptr, 0, &m), EDGEC_OK);
  std::vector<float> values(kN);
  std::vector<const void *> in(kN);
  for (int i = 0; i < kN; ++i) {
    values[i] = static_cast<float>(i);
    in[i] = &values[i];
  }
  float sum = -1;
  void *out[] = {&sum};
  ASSERT_EQ(edgec_model_run(m, in.data(), out), EDGEC_OK);
  EXPECT_EQ(sum, kN * (kN - 1) / 2);
  edgec_model_destroy(m);
}

//===----------------------------------------------------------------------===//
// .npy files
//===----------------------------------------------------------------------===//

// Holds a read result and frees it.
struct Npy : edgec_npy {
  Npy() : edgec_npy{} {}
  ~Npy() { edgec_npy_free(this); }
  int read(const std::string &path) {
    return edgec_npy_read(path.c_str(), this, err, sizeof err);
  }
  std::vector<int64_t> dims() const {
    return std::vector<int64_t>(shape, shape + rank);
  }
  template <typename T> std::vector<T> values() const {
    const T *p = static_cast<const T *>(data);
    return std::vector<T>(p, p + nbytes / sizeof(T));
  }
  char err[512] = "";
};

std::string fixture(const char *name) {
  return std::string(EDGEC_FIXTURES) + "/" + name;
}

// A .npy file with the given header dict (padded as numpy does) and data.
std::string npyBytes(const std::string &dict, const std::string &data,
                     int major = 1) {
  std::string header = dict;
  size_t prefix = major == 1 ? 10 : 12;
  while ((prefix + header.size() + 1) % 64)
    header += ' ';
  header += '\n';
  std::string out("\x93NUMPY", 6);
  out += static_cast<char>(major);
  out += '\0';
  for (size_t i = 0; i < prefix - 8; ++i)
    out += static_cast<char>((header.size() >> (8 * i)) & 0xff);
  return out + header + data;
}

class NpyRoundTrip : public ::testing::TestWithParam<edgec_dtype> {};

TEST_P(NpyRoundTrip, WriteThenRead) {
  edgec_dtype dtype = GetParam();
  const int64_t shape[] = {2, 3};
  std::vector<unsigned char> data(6 * edgec_dtype_size(dtype));
  for (size_t i = 0; i < data.size(); ++i)
    data[i] =
        static_cast<unsigned char>(dtype == EDGEC_DTYPE_BOOL ? i % 2 : i * 7);
  std::string path = tempPath("roundtrip.npy");
  char err[256] = "";
  ASSERT_EQ(edgec_npy_write(path.c_str(), dtype, 2, shape, data.data(), err,
                            sizeof err),
            0)
      << err;

  std::string bytes = readFile(path);
  ASSERT_GT(bytes.size(), 10u);
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x93NUMPY\x01\x00", 8));
  EXPECT_EQ((bytes.size() - data.size()) % 64, 0u);

  Npy npy;
  ASSERT_EQ(npy.read(path), 0) << npy.err;
  EXPECT_EQ(npy.dtype, dtype);
  EXPECT_EQ(npy.dims(), (std::vector<int64_t>{2, 3}));
  ASSERT_EQ(npy.nbytes, data.size());
  EXPECT_EQ(std::memcmp(npy.data, data.data(), data.size()), 0);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(npy.data) % 64, 0u);
  std::remove(path.c_str());
}

INSTANTIATE_TEST_SUITE_P(AllDtypes, NpyRoundTrip,
                         ::testing::Values(EDGEC_DTYPE_F32, EDGEC_DTYPE_F16,
                                           EDGEC_DTYPE_I8, EDGEC_DTYPE_U8,
                                           EDGEC_DTYPE_I32, EDGEC_DTYPE_I64,
                                           EDGEC_DTYPE_BOOL));

TEST(Npy, ScalarAndOneDimensionalHeaders) {
  std::string path = tempPath("shapes.npy");
  char err[256] = "";
  const float scalar = 1.5f;
  ASSERT_EQ(edgec_npy_write(path.c_str(), EDGEC_DTYPE_F32, 0, nullptr, &scalar,
                            err, sizeof err),
            0)
      << err;
  EXPECT_NE(readFile(path).find("'shape': (), }"), std::string::npos);
  Npy s;
  ASSERT_EQ(s.read(path), 0) << s.err;
  EXPECT_EQ(s.rank, 0);
  EXPECT_EQ(s.values<float>(), std::vector<float>{1.5f});

  const int64_t shape[] = {3};
  const int64_t values[] = {-1, 0, INT64_MAX};
  ASSERT_EQ(edgec_npy_write(path.c_str(), EDGEC_DTYPE_I64, 1, shape, values,
                            err, sizeof err),
            0)
      << err;
  EXPECT_NE(readFile(path).find("{'descr': '<i8', 'fortran_order': False, "
                                "'shape': (3,), }"),
            std::string::npos);
  Npy v;
  ASSERT_EQ(v.read(path), 0) << v.err;
  EXPECT_EQ(v.dims(), std::vector<int64_t>{3});
  EXPECT_EQ(v.values<int64_t>(), (std::vector<int64_t>{-1, 0, INT64_MAX}));
  std::remove(path.c_str());
}

TEST(Npy, EmptyArray) {
  std::string path = tempPath("empty.npy");
  const int64_t shape[] = {0, 3};
  char err[256] = "";
  ASSERT_EQ(edgec_npy_write(path.c_str(), EDGEC_DTYPE_U8, 2, shape, nullptr,
                            err, sizeof err),
            0)
      << err;
  Npy npy;
  ASSERT_EQ(npy.read(path), 0) << npy.err;
  EXPECT_EQ(npy.dims(), (std::vector<int64_t>{0, 3}));
  EXPECT_EQ(npy.nbytes, 0u);
  EXPECT_NE(npy.data, nullptr);
  std::remove(path.c_str());
}

TEST(Npy, WriteReplacesAtomicallyAndReportsErrors) {
  std::string path = tempPath("atomic.npy");
  writeFile(path, "old contents");
  const int8_t data[] = {1, 2};
  const int64_t shape[] = {2};
  char err[256] = "";
  ASSERT_EQ(edgec_npy_write(path.c_str(), EDGEC_DTYPE_I8, 1, shape, data, err,
                            sizeof err),
            0);
  Npy npy;
  ASSERT_EQ(npy.read(path), 0) << npy.err;
  EXPECT_EQ(npy.values<int8_t>(), (std::vector<int8_t>{1, 2}));
  EXPECT_FALSE(
      fileExists(path + ".tmp." + std::to_string(static_cast<long>(getpid()))));
  std::remove(path.c_str());

  std::string bad = tempPath("no/such/dir/x.npy");
  EXPECT_EQ(edgec_npy_write(bad.c_str(), EDGEC_DTYPE_I8, 1, shape, data, err,
                            sizeof err),
            -1);
  EXPECT_NE(std::string(err).find("No such file"), std::string::npos) << err;
  EXPECT_EQ(edgec_npy_write(path.c_str(), 42, 1, shape, data, err, sizeof err),
            -1);
  const int64_t negative[] = {-2};
  EXPECT_EQ(edgec_npy_write(path.c_str(), EDGEC_DTYPE_I8, 1, negative, data,
                            err, sizeof err),
            -1);
  EXPECT_EQ(edgec_npy_write(path.c_str(), EDGEC_DTYPE_I8, 1, shape, nullptr,
                            err, sizeof err),
            -1);
  EXPECT_FALSE(fileExists(path));
}

TEST(Npy, ReadsNumpyFixtures) {
  Npy f32;
  ASSERT_EQ(f32.read(fixture("f32_3d.npy")), 0) << f32.err;
  EXPECT_EQ(f32.dtype, EDGEC_DTYPE_F32);
  EXPECT_EQ(f32.dims(), (std::vector<int64_t>{2, 3, 4}));
  std::vector<float> v = f32.values<float>();
  ASSERT_EQ(v.size(), 24u);
  EXPECT_EQ(v[0], 0.0f);
  EXPECT_EQ(v[23], 23 / 4.0f);

  Npy i64;
  ASSERT_EQ(i64.read(fixture("i64_1d.npy")), 0) << i64.err;
  EXPECT_EQ(i64.dtype, EDGEC_DTYPE_I64);
  EXPECT_EQ(i64.values<int64_t>(),
            (std::vector<int64_t>{-1, 0, INT64_C(1) << 40}));

  Npy f16;
  ASSERT_EQ(f16.read(fixture("f16.npy")), 0) << f16.err;
  EXPECT_EQ(f16.dtype, EDGEC_DTYPE_F16);
  EXPECT_EQ(f16.values<uint16_t>(),
            (std::vector<uint16_t>{0x3c00, 0xc100, 0x3800}));

  Npy b;
  ASSERT_EQ(b.read(fixture("bool.npy")), 0) << b.err;
  EXPECT_EQ(b.dtype, EDGEC_DTYPE_BOOL);
  EXPECT_EQ(b.values<uint8_t>(), (std::vector<uint8_t>{1, 0, 1}));

  Npy u8;
  ASSERT_EQ(u8.read(fixture("u8_scalar.npy")), 0) << u8.err;
  EXPECT_EQ(u8.dtype, EDGEC_DTYPE_U8);
  EXPECT_EQ(u8.rank, 0);
  EXPECT_EQ(u8.values<uint8_t>(), std::vector<uint8_t>{200});

  Npy v2;
  ASSERT_EQ(v2.read(fixture("v2_i32.npy")), 0) << v2.err;
  EXPECT_EQ(v2.dtype, EDGEC_DTYPE_I32);
  EXPECT_EQ(v2.dims(), (std::vector<int64_t>{2, 2}));
  EXPECT_EQ(v2.values<int32_t>(), (std::vector<int32_t>{1, 2, 3, 4}));

  Npy v3;
  ASSERT_EQ(v3.read(fixture("v3_i8.npy")), 0) << v3.err;
  EXPECT_EQ(v3.dtype, EDGEC_DTYPE_I8);
  EXPECT_EQ(v3.values<int8_t>(), (std::vector<int8_t>{-128, 127}));
}

TEST(Npy, RejectsBadFixtures) {
  const struct {
    const char *file, *message;
  } cases[] = {
      {"fortran.npy", "fortran_order=True is not supported"},
      {"big_endian.npy", "big-endian dtype '>f4'"},
      {"truncated.npy", "truncated data"},
      {"garbage.npy", "not a .npy file"},
      {"does_not_exist.npy", "No such file"},
  };
  for (const auto &c : cases) {
    Npy npy;
    EXPECT_EQ(npy.read(fixture(c.file)), -1) << c.file;
    EXPECT_NE(std::string(npy.err).find(c.message), std::string::npos)
        << c.file << ": " << npy.err;
    EXPECT_NE(std::string(npy.err).find(c.file), std::string::npos) << npy.err;
    EXPECT_EQ(npy.data, nullptr);
  }
}

TEST(Npy, ParsesHeaderVariants) {
  const std::string four(4, '\1');
  const struct {
    const char *dict;
    std::vector<int64_t> shape;
  } cases[] = {
      {"{\"shape\": (2, 2) ,\"descr\":\"|u1\",'fortran_order':False}", {2, 2}},
      {"{ 'descr' : '=i4' , 'fortran_order' : False , 'shape' : ( 1 , ) , }",
       {1}},
      {"{'descr': '<f2', 'fortran_order': False, 'shape': (2L,),}", {2}},
      {"{'descr': 'i1', 'fortran_order': False, 'shape': (4)}", {4}},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': ()}", {}},
  };
  std::string path = tempPath("variant.npy");
  for (const auto &c : cases) {
    writeFile(path, npyBytes(c.dict, four));
    Npy npy;
    EXPECT_EQ(npy.read(path), 0) << c.dict << ": " << npy.err;
    EXPECT_EQ(npy.dims(), c.shape) << c.dict;
  }
  std::remove(path.c_str());
}

TEST(Npy, RejectsMalformedFiles) {
  const std::string data(8, '\0');
  const struct {
    std::string bytes;
    const char *message;
  } cases[] = {
      {"", "not a .npy file"},
      {std::string("\x93NUMPY\x01", 7), "truncated header"},
      {std::string("\x93NUMPY\x01\x00\xff\x00{}", 12), "truncated header"},
      {npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (2,)}", data,
                4),
       "unsupported .npy format version 4.0"},
      {npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (-2,)}",
                data),
       "negative dimension"},
      {npyBytes("{'descr': '<f4', 'fortran_order': False, "
                "'shape': (4611686018427387904, 4)}",
                data),
       "too large"},
      {npyBytes("{'descr': '<f4', 'fortran_order': False, "
                "'shape': (99999999999999999999,)}",
                data),
       "too large"},
      {npyBytes("{'descr': '<f4', 'fortran_order': False, "
                "'shape': (1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1)}",
                data),
       "more than 16 dimensions"},
      {npyBytes("{'descr': '<f4', 'shape': (2,)}", data),
       "lacks key 'fortran_order'"},
      {npyBytes("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, "
                "'shape': (2,)}",
                data),
       "repeated header key 'descr'"},
      {npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), "
                "'extra': 1}",
                data),
       "unexpected or repeated header key 'extra'"},
      {npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (1,)}",
                data),
       "unsupported dtype '<f8'"},
      {npyBytes("{'descr': '|f4', 'fortran_order': False, 'shape': (2,)}",
                data),
       "unsupported dtype '|f4'"},
      {npyBytes("{'descr': [('a', '<f4')], 'fortran_order': False, "
                "'shape': (2,)}",
                data),
       "unsupported dtype"},
      {npyBytes("{'descr': '<f4', 'fortran_order': 0, 'shape': (2,)}", data),
       "fortran_order is not True or False"},
      {npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': [2]}", data),
       "shape is not a tuple"},
      {npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (2,,)}",
                data),
       "bad shape"},
      {npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (2,)} x",
                data),
       "text after the dict"},
      {npyBytes("{'descr': '<f4' 'fortran_order': False, 'shape': (2,)}", data),
       "expected ',' or '}'"},
      {npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (2,)", data),
       "malformed header"},
      {npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (2,)}",
                data + "x"),
       "1 unexpected bytes after"},
      {npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (3,)}",
                data),
       "truncated data: the shape needs 12 bytes, the file has 8"},
  };
  std::string path = tempPath("malformed.npy");
  for (const auto &c : cases) {
    writeFile(path, c.bytes);
    Npy npy;
    EXPECT_EQ(npy.read(path), -1) << c.message;
    EXPECT_NE(std::string(npy.err).find(c.message), std::string::npos)
        << "expected '" << c.message << "', got '" << npy.err << "'";
    EXPECT_EQ(npy.data, nullptr);
    EXPECT_EQ(npy.rank, 0);
  }
  std::remove(path.c_str());
}

} // namespace
