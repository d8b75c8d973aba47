/*
 * Runs the compiled model @EDGEC_MODEL@ on generated inputs and reports its
 * latency: a minimal example of the edgec runtime API (edgec_runtime.h).
 *
 * Build:  cmake -B build && cmake --build build
 *    or:  cc -O2 main.c lib@EDGEC_MODEL@.a -lm -lpthread -o demo
 * Run:    ./demo [weights.bin]
 */
#define _POSIX_C_SOURCE 200809L

#include "@EDGEC_MODEL@.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define RUNS 10

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int compare_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Element i of a buffer as a double; float16 is not decoded here. */
static double element(int32_t dtype, const void *data, int64_t i) {
  switch (dtype) {
  case EDGEC_DTYPE_F32:
    return ((const float *)data)[i];
  case EDGEC_DTYPE_I8:
    return ((const int8_t *)data)[i];
  case EDGEC_DTYPE_U8:
  case EDGEC_DTYPE_BOOL:
    return ((const uint8_t *)data)[i];
  case EDGEC_DTYPE_I32:
    return ((const int32_t *)data)[i];
  case EDGEC_DTYPE_I64:
    return (double)((const int64_t *)data)[i];
  default:
    return NAN;
  }
}

int main(int argc, char **argv) {
  const char *weights = argc > 1 ? argv[1] : "weights.bin";
  /* clang-format off */
  const edgec_model_desc *desc = &edgec_model_@EDGEC_MODEL@;
  /* clang-format on */

  edgec_model *model;
  edgec_status status = edgec_model_create(desc, weights, &model);
  if (status != EDGEC_OK) {
    fprintf(stderr, "cannot load %s: %s\n", weights,
            edgec_status_string(status));
    return 1;
  }

  /* The caller owns all tensor buffers (the + 1 avoids calloc(0)). Inputs
   * get sin(index) when float32, zeros otherwise. */
  void **inputs = calloc(desc->num_inputs + 1, sizeof(void *));
  void **outputs = calloc(desc->num_outputs + 1, sizeof(void *));
  for (uint32_t i = 0; i < desc->num_inputs; ++i) {
    const edgec_tensor_desc *t = &desc->inputs[i];
    int64_t n = edgec_tensor_num_elements(t);
    inputs[i] = calloc(edgec_tensor_num_bytes(t) + 1, 1);
    for (int64_t k = 0; t->dtype == EDGEC_DTYPE_F32 && k < n; ++k)
      ((float *)inputs[i])[k] = sinf((float)k);
  }
  for (uint32_t i = 0; i < desc->num_outputs; ++i)
    outputs[i] = calloc(edgec_tensor_num_bytes(&desc->outputs[i]) + 1, 1);

  /* One warm-up run, then RUNS timed ones. */
  double times[RUNS];
  for (int r = -1; r < RUNS; ++r) {
    double start = now_ms();
    status = edgec_model_run(model, (const void *const *)inputs, outputs);
    if (status != EDGEC_OK) {
      fprintf(stderr, "run failed: %s\n", edgec_status_string(status));
      return 1;
    }
    if (r >= 0)
      times[r] = now_ms() - start;
  }

  for (uint32_t i = 0; i < desc->num_outputs; ++i) {
    const edgec_tensor_desc *t = &desc->outputs[i];
    printf("%s (%s):", t->name, edgec_dtype_name(t->dtype));
    int64_t n = edgec_tensor_num_elements(t);
    for (int64_t k = 0; k < n && k < 8; ++k)
      printf(" %g", element(t->dtype, outputs[i], k));
    printf(n > 8 ? " ...\n" : "\n");
  }
  qsort(times, RUNS, sizeof times[0], compare_double);
  printf("%s: median latency %.3f ms over %d runs\n", desc->name,
         (times[RUNS / 2 - 1] + times[RUNS / 2]) / 2, RUNS);

  edgec_model_destroy(model);
  for (uint32_t i = 0; i < desc->num_inputs; ++i)
    free(inputs[i]);
  for (uint32_t i = 0; i < desc->num_outputs; ++i)
    free(outputs[i]);
  free(inputs);
  free(outputs);
  return 0;
}
