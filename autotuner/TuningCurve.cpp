//===- TuningCurve.cpp - Best latency against trials, as SVG --------------===//

#include "autotuner/TuningCurve.h"

#include "autotuner/ConvSchedule.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

namespace edgec::tuning {
namespace {

constexpr double kWidth = 720, kHeight = 420, kLeft = 60, kRight = 20,
                 kTop = 40, kBottom = 50;
constexpr const char *kColours[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
                                    "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                                    "#bcbd22", "#17becf"};

std::string escape(llvm::StringRef text) {
  std::string out;
  for (char c : text)
    out += c == '<'   ? "&lt;"
           : c == '>' ? "&gt;"
           : c == '&' ? "&amp;"
                      : std::string(1, c);
  return out;
}

} // namespace

bool writeTuningCurve(llvm::StringRef path, llvm::StringRef title,
                      const std::vector<std::vector<Measurement>> &workloads,
                      std::string &error) {
  // Each workload's best-so-far relative to its default, per trial.
  std::vector<std::vector<double>> curves;
  std::vector<std::string> names;
  size_t maxTrials = 1;
  double lowest = 1;
  for (const auto &records : workloads) {
    std::optional<double> base;
    for (const Measurement &m : records)
      if (m.schedule == ConvSchedule::kDefault)
        base = m.ms;
    if (!base || *base <= 0)
      continue;
    std::vector<double> curve;
    double best = *base;
    for (const Measurement &m : records) {
      if (m.ms)
        best = std::min(best, *m.ms);
      curve.push_back(best / *base);
    }
    lowest = std::min(lowest, best / *base);
    maxTrials = std::max(maxTrials, curve.size());
    curves.push_back(std::move(curve));
    names.push_back(records.front().workload);
  }
  double yMin = std::max(0.0, lowest - 0.05), yMax = 1.05;
  auto x = [&](double trial) {
    return kLeft + (kWidth - kLeft - kRight) * trial / maxTrials;
  };
  auto y = [&](double ratio) {
    return kTop + (kHeight - kTop - kBottom) * (yMax - ratio) / (yMax - yMin);
  };

  std::string svg;
  llvm::raw_string_ostream os(svg);
  os << llvm::formatv("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                      "width=\"{0}\" height=\"{1}\" font-family=\"sans-serif\" "
                      "font-size=\"11\">\n",
                      kWidth, kHeight + 16 * curves.size());
  os << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  os << llvm::formatv("<text x=\"{0}\" y=\"20\" font-size=\"14\">{1}</text>\n",
                      kLeft, escape(title));
  // Axes, ticks and labels.
  os << llvm::formatv("<path d=\"M{0},{1} V{2} H{3}\" stroke=\"black\" "
                      "fill=\"none\"/>\n",
                      kLeft, kTop, kHeight - kBottom, kWidth - kRight);
  for (int i = 0; i <= 4; ++i) {
    double ratio = yMin + (yMax - yMin) * i / 4;
    os << llvm::formatv("<text x=\"{0}\" y=\"{1}\" text-anchor=\"end\">{2:F2}"
                        "</text>\n",
                        kLeft - 6, y(ratio) + 4, ratio);
    double trial = maxTrials * i / 4.0;
    os << llvm::formatv("<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\">{2}"
                        "</text>\n",
                        x(trial), kHeight - kBottom + 16,
                        static_cast<int>(trial));
  }
  os << llvm::formatv("<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\">"
                      "trials</text>\n",
                      (kLeft + kWidth - kRight) / 2, kHeight - kBottom + 34);
  os << llvm::formatv("<text transform=\"translate(14,{0}) rotate(-90)\" "
                      "text-anchor=\"middle\">best / default</text>\n",
                      (kTop + kHeight - kBottom) / 2);
  for (size_t c = 0; c < curves.size(); ++c) {
    const char *colour = kColours[c % std::size(kColours)];
    std::string d;
    for (size_t t = 0; t < curves[c].size(); ++t)
      d += llvm::formatv("{0}{1:F1},{2:F1} ", t ? "L" : "M", x(t + 1),
                         y(curves[c][t]))
               .str();
    os << llvm::formatv("<path d=\"{0}\" stroke=\"{1}\" fill=\"none\" "
                        "stroke-width=\"1.5\"/>\n",
                        d, colour);
    double within = curves[c].back() * 1.1;
    os << llvm::formatv("<path d=\"M{0},{1:F1} H{2}\" stroke=\"{3}\" "
                        "stroke-dasharray=\"3,3\" stroke-width=\"0.7\"/>\n",
                        kLeft, y(within), kWidth - kRight, colour);
    os << llvm::formatv("<text x=\"{0}\" y=\"{1}\" fill=\"{2}\">{3}</text>\n",
                        kLeft, kHeight + 16 * c, colour, escape(names[c]));
  }
  os << "</svg>\n";

  // Written beside and renamed into place, so that a reader never sees
  // half a file.
  std::string temp = (path + ".tmp").str();
  {
    std::error_code ec;
    llvm::raw_fd_ostream out(temp, ec);
    if (ec) {
      error = "cannot write '" + temp + "': " + ec.message();
      return false;
    }
    out << svg;
  }
  if (std::error_code ec = llvm::sys::fs::rename(temp, path)) {
    error = "cannot write '" + path.str() + "': " + ec.message();
    return false;
  }
  return true;
}

} // namespace edgec::tuning
