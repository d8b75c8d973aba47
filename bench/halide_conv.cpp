// halide_conv: one convolution scheduled by Halide 14's Adams2019
// autoscheduler, JIT-compiled and timed on this machine; the peer that
// bench/halide.py compares edgec's tuned kernels with.
//
//   halide_conv "conv in=1x64x56x56 w=64x64x3x3 s=1x1 d=1x1 p=1x1x1x1 g=1 bias"
//
// Prints one JSON object: {"ms": fastest run, "runs": N}. Same contract as
// edgec's measured kernel: NHWC input and output, a constant filter and
// bias, zero padding, one thread, fastest of at least 10 runs and 0.1 s.
// Built by bench/halide.py (g++ against Debian's libHalide14).
#include "Halide.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

using namespace Halide;

namespace {

std::vector<int> dims(const std::string &text) {
  std::vector<int> out;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, 'x'))
    out.push_back(std::stoi(part));
  return out;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: halide_conv WORKLOAD_KEY\n");
    return 2;
  }
  std::stringstream key(argv[1]);
  std::string word, in, w, s, d, p, g;
  bool bias = false;
  while (key >> word) {
    auto value = word.substr(word.find('=') + 1);
    if (word.rfind("in=", 0) == 0)
      in = value;
    else if (word.rfind("w=", 0) == 0)
      w = value;
    else if (word.rfind("s=", 0) == 0)
      s = value;
    else if (word.rfind("d=", 0) == 0)
      d = value;
    else if (word.rfind("p=", 0) == 0)
      p = value;
    else if (word.rfind("g=", 0) == 0)
      g = value;
    else if (word == "bias")
      bias = true;
  }
  std::vector<int> x = dims(in), k = dims(w), st = dims(s), di = dims(d),
                   pa = dims(p);
  if (x.size() != 4) {
    std::fprintf(stderr, "halide_conv: only 2-D convolutions\n");
    return 2;
  }
  int N = x[0], C = x[1], H = x[2], W = x[3], F = k[0], CG = k[1], KH = k[2],
      KW = k[3], groups = std::stoi(g), FG = F / groups;
  int OH = (H + pa[0] + pa[2] - di[0] * (KH - 1) - 1) / st[0] + 1;
  int OW = (W + pa[1] + pa[3] - di[1] * (KW - 1) - 1) / st[1] + 1;

  // Halide's first dimension is innermost: input(c, x, y, n) is NHWC.
  // The input arrives padded (zeros around it), so that the pipeline is the
  // convolution alone: boundary conditions inside it lead the
  // autoscheduler to recompute the padded tile per output pixel.
  int PW = W + pa[1] + pa[3], PH = H + pa[0] + pa[2];
  Buffer<float> input(C, PW, PH, N), filter(F, CG, KW, KH), bvec(F);
  std::srand(7);
  auto fill = [](Buffer<float> &b) {
    b.for_each_value(
        [](float &v) { v = std::rand() / float(RAND_MAX) - 0.5f; });
  };
  fill(input);
  input.for_each_element([&](int c, int ix, int iy, int in) {
    if (ix < pa[1] || ix >= pa[1] + W || iy < pa[0] || iy >= pa[0] + H)
      input(c, ix, iy, in) = 0.0f;
  });
  fill(filter);
  fill(bvec);
  if (!bias)
    bvec.fill(0.0f);

  ImageParam image(Float(32), 4, "image");
  Var f("f"), ox("ox"), oy("oy"), n("n");
  RDom r(0, CG, 0, KW, 0, KH);
  Func conv("conv");
  // Dense and depthwise convolutions index channels without a division,
  // which Halide would otherwise vectorize into a gather.
  Expr channel = groups == 1 ? Expr(r.x)
                 : FG == 1   ? f * CG + r.x
                             : (f / FG) * CG + r.x;
  conv(f, ox, oy, n) = Expr(0.0f);
  conv(f, ox, oy, n) +=
      Func(filter)(f, r.x, r.y, r.z) *
      image(channel, ox * st[1] + r.y * di[1], oy * st[0] + r.z * di[0], n);
  Func out("out");
  out(f, ox, oy, n) = conv(f, ox, oy, n) + Func(bvec)(f);

  image.set_estimates({{0, C}, {0, PW}, {0, PH}, {0, N}});
  out.set_estimates({{0, F}, {0, OW}, {0, OH}, {0, N}});
  Pipeline pipeline(out);
  load_plugin(
      "/usr/lib/x86_64-linux-gnu/halide14/libautoschedule_adams2019.so");
  Target target = get_jit_target_from_environment();
  // One core, as edgec's tuner measures; this machine's 16 MB last level.
  AutoSchedulerResults schedule = pipeline.auto_schedule(
      "Adams2019", target, MachineParams(1, 16 << 20, 40));
  if (std::getenv("HALIDE_CONV_PRINT_SCHEDULE"))
    std::fprintf(stderr, "%s\n", schedule.schedule_source.c_str());
  pipeline.compile_jit(target);

  Buffer<float> output(F, OW, OH, N);
  image.set(input);
  using Clock = std::chrono::steady_clock;
  for (int i = 0; i < 2; ++i)
    pipeline.realize(output);
  std::vector<double> times;
  double total = 0;
  while (times.size() < 10 || total < 0.1) {
    auto start = Clock::now();
    pipeline.realize(output);
    double ms =
        std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    times.push_back(ms);
    total += ms / 1e3;
    if (times.size() >= 500)
      break;
  }
  // Spot-check one output against a direct sum, so that a wrong schedule
  // cannot win.
  int cf = F / 2, cx = OW / 2, cy = OH / 2;
  double expected = bvec(cf);
  for (int c = 0; c < CG; ++c)
    for (int kx = 0; kx < KW; ++kx)
      for (int ky = 0; ky < KH; ++ky) {
        int ix = cx * st[1] + kx * di[1];
        int iy = cy * st[0] + ky * di[0];
        expected += double(filter(cf, c, kx, ky)) *
                    input((cf / FG) * CG + c, ix, iy, 0);
      }
  if (std::abs(expected - output(cf, cx, cy, 0)) >
      1e-3 * (1 + std::abs(expected))) {
    std::fprintf(stderr, "halide_conv: wrong result %f, expected %f\n",
                 output(cf, cx, cy, 0), expected);
    return 1;
  }
  std::printf("{\"ms\": %.6f, \"runs\": %zu}\n",
              *std::min_element(times.begin(), times.end()), times.size());
  return 0;
}
