//===- LearnedCostModel.cpp - XGBoost on schedule features ----------------===//

#include "autotuner/LearnedCostModel.h"

#include "autotuner/CostModel.h"
#include "dialects/conv/Transforms/Algorithms.h"

#include <xgboost/c_api.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace edgec::tuning {
namespace {

constexpr int kRounds = 60;

/// Every successful record that names a schedule, with its parsed parts.
struct Sample {
  ConvWorkload workload;
  ConvSchedule schedule;
  double ms;
};

std::vector<Sample> samples(const std::vector<Measurement> &records) {
  std::vector<Sample> out;
  for (const Measurement &m : records) {
    if (!m.ms || *m.ms <= 0)
      continue;
    auto workload = ConvWorkload::parse(m.workload);
    auto schedule = ConvSchedule::parse(m.schedule);
    if (workload && schedule)
      out.push_back({*workload, *schedule, *m.ms});
  }
  return out;
}

/// Kendall's tau-a between two orderings of the same items.
double kendallTau(const std::vector<double> &a, const std::vector<double> &b) {
  double concordant = 0, discordant = 0;
  for (size_t i = 0; i < a.size(); ++i)
    for (size_t j = i + 1; j < a.size(); ++j) {
      double s = (a[i] - a[j]) * (b[i] - b[j]);
      concordant += s > 0;
      discordant += s < 0;
    }
  double pairs = a.size() * (a.size() - 1) / 2.0;
  return pairs > 0 ? (concordant - discordant) / pairs : 0;
}

/// Share of the `k` smallest of `measured` among the `k` smallest of
/// `predicted`.
double topRecall(const std::vector<double> &predicted,
                 const std::vector<double> &measured, size_t k) {
  k = std::min(k, measured.size());
  auto smallest = [&](const std::vector<double> &v) {
    std::vector<size_t> order(v.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return v[x] < v[y]; });
    order.resize(k);
    std::sort(order.begin(), order.end());
    return order;
  };
  std::vector<size_t> p = smallest(predicted), m = smallest(measured), both;
  std::set_intersection(p.begin(), p.end(), m.begin(), m.end(),
                        std::back_inserter(both));
  return k ? static_cast<double>(both.size()) / k : 0;
}

} // namespace

LearnedCostModel::~LearnedCostModel() {
  if (booster_)
    XGBoosterFree(booster_);
}

std::vector<float> LearnedCostModel::features(const ConvWorkload &w,
                                              const ConvSchedule &s,
                                              const DeviceDescription &device) {
  auto out = w.outputShape();
  bool twoD = w.input.size() == 4;
  float channels = static_cast<float>(w.weight[0]) / w.group;
  float lanes = static_cast<float>(device.vectorLanes());
  float rowPixels = static_cast<float>(out.back());
  if (s.algorithm == "pointwise" || s.algorithm == "im2col")
    rowPixels *= static_cast<float>(out[0] * (twoD ? out[2] : 1));
  float tile = static_cast<float>(std::max<int64_t>(1, s.vectors)) * lanes;
  std::vector<float> f = {
      std::log2(static_cast<float>(w.macs())),
      std::log2(static_cast<float>(w.bytes())),
      static_cast<float>(w.input[1]),
      static_cast<float>(w.weight[0]),
      static_cast<float>(twoD ? w.input[2] : 1),
      static_cast<float>(w.input.back()),
      static_cast<float>(twoD ? w.weight[2] : 1),
      static_cast<float>(w.weight.back()),
      static_cast<float>(w.strides.back()),
      static_cast<float>(w.dilations.back()),
      static_cast<float>(w.group),
      static_cast<float>(w.group == w.input[1] && w.weight[0] == w.input[1]),
      static_cast<float>(s.rows),
      static_cast<float>(s.vectors),
      lanes,
      static_cast<float>(s.rows * s.vectors),
      // How evenly the tile covers the channels and the row.
      s.vectors ? channels / (std::ceil(channels / tile) * tile) : 1.0f,
      s.rows ? rowPixels / (std::ceil(rowPixels / s.rows) * s.rows) : 1.0f,
      std::log2(static_cast<float>(tuning::predictMs(w, s, device))),
  };
  for (llvm::StringRef algorithm : conv::convAlgorithms())
    f.push_back(s.algorithm == algorithm);
  return f;
}

bool LearnedCostModel::train(const std::vector<Measurement> &records,
                             const DeviceDescription &device,
                             std::string &error, size_t minRecords) {
  std::vector<Sample> data = samples(records);
  if (data.size() < minRecords) {
    error = "too few measurements to learn from (" +
            std::to_string(data.size()) + ")";
    return false;
  }
  std::vector<float> matrix, labels;
  size_t columns = 0;
  for (const Sample &s : data) {
    std::vector<float> f = features(s.workload, s.schedule, device);
    columns = f.size();
    matrix.insert(matrix.end(), f.begin(), f.end());
    labels.push_back(std::log2(static_cast<float>(s.ms)));
  }
  DMatrixHandle dtrain = nullptr;
  BoosterHandle booster = nullptr;
  bool ok = XGDMatrixCreateFromMat(matrix.data(), data.size(), columns, NAN,
                                   &dtrain) == 0 &&
            XGDMatrixSetFloatInfo(dtrain, "label", labels.data(),
                                  labels.size()) == 0 &&
            XGBoosterCreate(&dtrain, 1, &booster) == 0;
  for (auto [name, value] : {std::pair{"objective", "reg:squarederror"},
                             {"max_depth", "6"},
                             {"eta", "0.2"},
                             {"subsample", "0.9"},
                             {"nthread", "1"},
                             {"seed", "1"},
                             {"verbosity", "0"}})
    ok = ok && XGBoosterSetParam(booster, name, value) == 0;
  for (int i = 0; ok && i < kRounds; ++i)
    ok = XGBoosterUpdateOneIter(booster, i, dtrain) == 0;
  if (dtrain)
    XGDMatrixFree(dtrain);
  return adopt(booster, ok, error);
}

bool LearnedCostModel::adopt(void *booster, bool ok, std::string &error) {
  if (!ok) {
    error = std::string("XGBoost: ") + XGBGetLastError();
    if (booster)
      XGBoosterFree(booster);
    return false;
  }
  if (booster_)
    XGBoosterFree(booster_);
  booster_ = booster;
  return true;
}

std::vector<double>
LearnedCostModel::predictMs(const ConvWorkload &workload,
                            const std::vector<ConvSchedule> &schedules,
                            const DeviceDescription &device) const {
  std::vector<double> result(schedules.size(), 0);
  if (!booster_ || schedules.empty())
    return result;
  std::vector<float> matrix;
  size_t columns = 0;
  for (const ConvSchedule &s : schedules) {
    std::vector<float> f = features(workload, s, device);
    columns = f.size();
    matrix.insert(matrix.end(), f.begin(), f.end());
  }
  DMatrixHandle dmat = nullptr;
  bst_ulong length = 0;
  const float *predicted = nullptr;
  if (XGDMatrixCreateFromMat(matrix.data(), schedules.size(), columns, NAN,
                             &dmat) == 0 &&
      XGBoosterPredict(booster_, dmat, 0, 0, 0, &length, &predicted) == 0 &&
      length == schedules.size())
    for (size_t i = 0; i < schedules.size(); ++i)
      result[i] = std::exp2(predicted[i]);
  if (dmat)
    XGDMatrixFree(dmat);
  return result;
}

bool LearnedCostModel::save(std::string &bytes, std::string &error) const {
  bst_ulong length = 0;
  const char *data = nullptr;
  if (!booster_ || XGBoosterSaveModelToBuffer(booster_, "{\"format\": \"ubj\"}",
                                              &length, &data) != 0) {
    error = booster_ ? XGBGetLastError() : "no trained model";
    return false;
  }
  bytes.assign(data, length);
  return true;
}

bool LearnedCostModel::load(const std::string &bytes, std::string &error) {
  BoosterHandle booster = nullptr;
  bool ok =
      XGBoosterCreate(nullptr, 0, &booster) == 0 &&
      XGBoosterLoadModelFromBuffer(booster, bytes.data(), bytes.size()) == 0;
  return adopt(booster, ok, error);
}

std::vector<RankingQuality>
evaluateCostModels(const std::vector<Measurement> &records,
                   const DeviceDescription &device, int minMeasured) {
  std::map<std::string, std::vector<const Measurement *>> byWorkload;
  for (const Measurement &m : records)
    if (m.ms && ConvSchedule::parse(m.schedule))
      byWorkload[m.workload].push_back(&m);
  std::vector<RankingQuality> result;
  for (const auto &[key, held] : byWorkload) {
    auto workload = ConvWorkload::parse(key);
    if (!workload || static_cast<int>(held.size()) < minMeasured)
      continue;
    std::vector<Measurement> rest;
    for (const Measurement &m : records)
      if (m.workload != key)
        rest.push_back(m);
    LearnedCostModel learned;
    std::string error;
    if (!learned.train(rest, device, error))
      continue;
    std::vector<ConvSchedule> schedules;
    std::vector<double> measured, roofline;
    for (const Measurement *m : held) {
      schedules.push_back(*ConvSchedule::parse(m->schedule));
      measured.push_back(*m->ms);
      roofline.push_back(
          tuning::predictMs(*workload, schedules.back(), device));
    }
    std::vector<double> predicted =
        learned.predictMs(*workload, schedules, device);
    RankingQuality q;
    q.workload = key;
    q.measured = static_cast<int>(held.size());
    q.rooflineTau = kendallTau(roofline, measured);
    q.learnedTau = kendallTau(predicted, measured);
    q.rooflineTop5 = topRecall(roofline, measured, 5);
    q.learnedTop5 = topRecall(predicted, measured, 5);
    result.push_back(q);
  }
  return result;
}

} // namespace edgec::tuning
