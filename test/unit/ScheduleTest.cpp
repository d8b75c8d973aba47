//===- ScheduleTest.cpp - Kernel schedules and the runtime entry ----------===//

#include "codegen/Kernels/Schedule.h"
#include "codegen/LLVM/RuntimeEntry.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

using namespace mlir;
using edgec::codegen::KernelSchedule;

namespace {

TEST(Schedule, RoundTripsThroughTheAttribute) {
  MLIRContext context;
  OwningOpRef<ModuleOp> module = ModuleOp::create(UnknownLoc::get(&context));
  EXPECT_FALSE(KernelSchedule::read(*module).has_value());
  KernelSchedule schedule{4, 8, 3};
  schedule.write(*module);
  std::optional<KernelSchedule> read = KernelSchedule::read(*module);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->lanes, 4);
  EXPECT_EQ(read->rows, 8);
  EXPECT_EQ(read->vectors, 3);
}

TEST(Schedule, RejectsTilesNoRegisterFileHolds) {
  EXPECT_TRUE((KernelSchedule{16, 8, 4}).isValid());
  EXPECT_FALSE((KernelSchedule{16, 8, 5}).isValid());
  EXPECT_FALSE((KernelSchedule{0, 1, 1}).isValid());
  MLIRContext context;
  OwningOpRef<ModuleOp> module = ModuleOp::create(UnknownLoc::get(&context));
  KernelSchedule{16, 16, 16}.write(*module);
  EXPECT_FALSE(KernelSchedule::read(*module).has_value());
}

TEST(RuntimeEntry, Fnv1aMatchesTheReferenceVectors) {
  EXPECT_EQ(edgec::codegen::fnv1a64({}), 0xcbf29ce484222325ull);
  const char a[] = {'a'};
  EXPECT_EQ(edgec::codegen::fnv1a64(a), 0xaf63dc4c8601ec8cull);
  const char foobar[] = {'f', 'o', 'o', 'b', 'a', 'r'};
  EXPECT_EQ(edgec::codegen::fnv1a64(foobar), 0x85944171f73967e8ull);
}

TEST(RuntimeEntry, DTypesFollowTheRuntimeHeader) {
  MLIRContext context;
  Builder b(&context);
  EXPECT_EQ(edgec::codegen::runtimeDType(b.getF32Type()), 1);
  EXPECT_EQ(edgec::codegen::runtimeDType(b.getI64Type()), 6);
  EXPECT_EQ(edgec::codegen::runtimeDType(b.getI1Type()), 7);
  EXPECT_EQ(edgec::codegen::runtimeDType(b.getIntegerType(8, false)), 4);
  EXPECT_EQ(edgec::codegen::runtimeDType(b.getF64Type()), 0);
  EXPECT_EQ(edgec::codegen::runtimeDTypeName(1), "float32");
}

} // namespace
