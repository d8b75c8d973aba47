//===- LearnedCostModel.h - XGBoost on schedule features --------*- C++ -*-===//
//
// A gradient-boosted regression of log(milliseconds) on features of the
// workload (shapes, window, grouping), the schedule (algorithm, register
// tile, how evenly it covers the rows and channels) and the roofline
// model's prediction, trained online on the database's measurements of one
// device. The tuner ranks candidates with it once it has seen enough
// measurements, and with the roofline model before that. The trained model
// is stored in the database beside the measurements it learned from.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_AUTOTUNER_LEARNEDCOSTMODEL_H
#define EDGEC_AUTOTUNER_LEARNEDCOSTMODEL_H

#include "autotuner/ConvSchedule.h"
#include "autotuner/TuningDb.h"
#include "autotuner/Workload.h"
#include "edgec/Targets/Device.h"

#include <string>
#include <vector>

namespace edgec::tuning {

class LearnedCostModel {
public:
  LearnedCostModel() = default;
  ~LearnedCostModel();
  LearnedCostModel(const LearnedCostModel &) = delete;
  LearnedCostModel &operator=(const LearnedCostModel &) = delete;

  /// The features of one candidate.
  static std::vector<float> features(const ConvWorkload &workload,
                                     const ConvSchedule &schedule,
                                     const DeviceDescription &device);

  /// Trains on the successful, non-default `records` (of `device`); false
  /// with `error` set when there are fewer than `minRecords` or XGBoost
  /// fails.
  bool train(const std::vector<Measurement> &records,
             const DeviceDescription &device, std::string &error,
             size_t minRecords = 32);
  bool trained() const { return booster_ != nullptr; }
  /// Predicted milliseconds of each schedule (needs a trained model).
  std::vector<double> predictMs(const ConvWorkload &workload,
                                const std::vector<ConvSchedule> &schedules,
                                const DeviceDescription &device) const;

  /// The model as bytes (XGBoost's universal binary JSON), and back.
  bool save(std::string &bytes, std::string &error) const;
  bool load(const std::string &bytes, std::string &error);

private:
  /// Takes `booster` as the model when `ok`; otherwise frees it and says
  /// why in `error`.
  bool adopt(void *booster, bool ok, std::string &error);

  void *booster_ = nullptr;
};

/// Ranking quality of the roofline and the learned model on held-out
/// workloads: for each workload with enough measurements, the learned
/// model trains on every other workload's records and ranks this one's.
struct RankingQuality {
  std::string workload;
  int measured = 0;
  /// Kendall's tau between predicted and measured order, and the share of
  /// the measured five fastest among the predicted five fastest.
  double rooflineTau = 0, learnedTau = 0;
  double rooflineTop5 = 0, learnedTop5 = 0;
};
std::vector<RankingQuality>
evaluateCostModels(const std::vector<Measurement> &records,
                   const DeviceDescription &device, int minMeasured = 10);

} // namespace edgec::tuning

#endif // EDGEC_AUTOTUNER_LEARNEDCOSTMODEL_H
