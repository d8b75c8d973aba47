//===- DevicesTest.cpp - The named devices and target resolution ----------===//

#include "edgec/Driver/Compiler.h"
#include "edgec/Targets/Device.h"

#include <gtest/gtest.h>

namespace {

TEST(Devices, EveryNamedDeviceOfTheDesignIsListed) {
  std::vector<std::string> names;
  for (const edgec::DeviceDescription &d : edgec::allDevices())
    names.push_back(d.name);
  std::vector<std::string> expected = {
      "host",  "rpi4",   "rpi5",      "jetson-orin", "jetson-orin-nano",
      "coral", "zcu104", "ultra96v2", "kv260",       "pynq-z2"};
  EXPECT_EQ(names, expected);
}

TEST(Devices, CpuBoardsAreAvailableAndUseNeon) {
  for (const char *name : {"rpi4", "rpi5"}) {
    const edgec::DeviceDescription *d = edgec::findDevice(name);
    ASSERT_NE(d, nullptr);
    EXPECT_TRUE(d->available);
    EXPECT_EQ(d->triple, "aarch64-unknown-linux-gnu");
    EXPECT_NE(d->features.find("+neon"), std::string::npos);
    EXPECT_EQ(d->vectorLanes(), 4);
    EXPECT_TRUE(d->emulated);
  }
  EXPECT_NE(edgec::findDevice("rpi5")->features.find("+dotprod"),
            std::string::npos);
}

TEST(Devices, HostDescribesThisMachine) {
  const edgec::DeviceDescription *host = edgec::findDevice("host");
  ASSERT_NE(host, nullptr);
  EXPECT_TRUE(host->available);
  EXPECT_FALSE(host->emulated);
  EXPECT_FALSE(host->cpu.empty());
  EXPECT_GE(host->vectorLanes(), 4);
}

TEST(Devices, ResolveTargetExplainsUnknownAndUnavailable) {
  std::string error;
  EXPECT_EQ(edgec::resolveTarget("pi4", error), nullptr);
  EXPECT_NE(error.find("unknown target 'pi4' (--target)"), std::string::npos);
  EXPECT_NE(error.find("rpi4"), std::string::npos);
  error.clear();
  EXPECT_EQ(edgec::resolveTarget("jetson-orin", error), nullptr);
  EXPECT_NE(error.find("not supported yet"), std::string::npos);
  EXPECT_NE(edgec::resolveTarget("rpi5", error), nullptr);
}

TEST(Devices, ModelNamesAreCIdentifiers) {
  EXPECT_EQ(edgec::defaultModelName("/a/b/resnet-18.onnx"), "resnet_18");
  EXPECT_EQ(edgec::defaultModelName("3d.onnx"), "m_3d");
  EXPECT_EQ(edgec::defaultModelName("model.v2.onnxtxt"), "model_v2");
}

} // namespace
