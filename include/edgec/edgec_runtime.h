/*
 * edgec runtime: the C API of every CPU artifact edgec emits.
 *
 * An artifact is a static library holding one compiled model (its code and a
 * description of its inputs and outputs) and this runtime. The model's own
 * header declares its description:
 *
 *     #include "<model>.h"                   // declares edgec_model_<model>
 *     edgec_model *m;
 *     if (edgec_model_create(&edgec_model_<model>, "weights.bin", &m)) ...
 *     const void *inputs[] = {input0};       // one pointer per model input
 *     void *outputs[] = {output0};           // one pointer per model output
 *     edgec_model_run(m, inputs, outputs);
 *     edgec_model_destroy(m);
 *
 * Tensors are dense, row-major (C order), of the shapes and dtypes the
 * description lists. Buffers are owned by the caller; any alignment works.
 * A model object may be run from one thread at a time; create one per thread
 * for concurrent inference (they share nothing). One inference may itself
 * use several threads: see edgec_model_set_num_threads.
 */
#ifndef EDGEC_RUNTIME_H
#define EDGEC_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever edgec_model_desc or the entry ABI changes. */
#define EDGEC_ABI_VERSION 2u

typedef enum edgec_dtype {
  EDGEC_DTYPE_F32 = 1,
  EDGEC_DTYPE_F16 = 2,
  EDGEC_DTYPE_I8 = 3,
  EDGEC_DTYPE_U8 = 4,
  EDGEC_DTYPE_I32 = 5,
  EDGEC_DTYPE_I64 = 6,
  EDGEC_DTYPE_BOOL = 7,
} edgec_dtype;

typedef enum edgec_status {
  EDGEC_OK = 0,
  EDGEC_ERR_INVALID_ARGUMENT = 1, /* null pointer, bad index */
  EDGEC_ERR_IO = 2,               /* weights file missing or unreadable */
  EDGEC_ERR_WEIGHTS = 3,          /* weights size or checksum mismatch */
  EDGEC_ERR_OUT_OF_MEMORY = 4,
  EDGEC_ERR_ABI = 5, /* description built for another runtime version */
} edgec_status;

/* One model input or output. */
typedef struct edgec_tensor_desc {
  const char *name;     /* the ONNX value name */
  int32_t dtype;        /* an edgec_dtype */
  int32_t rank;         /* number of dimensions */
  const int64_t *shape; /* rank static dimensions */
} edgec_tensor_desc;

/*
 * The compiled model, emitted by edgec as a constant global. The layout is
 * part of the ABI: edgec writes it field by field.
 *
 * `entry` receives num_inputs + num_outputs + 2 pointers: the inputs in
 * order, the outputs in order, the 64-byte aligned weights blob (NULL when
 * weights_size is 0), and a 64-byte aligned scratch arena of scratch_size
 * bytes, zeroed at creation (NULL when 0).
 */
typedef struct edgec_model_desc {
  uint32_t abi_version; /* EDGEC_ABI_VERSION */
  uint32_t num_inputs;
  uint32_t num_outputs;
  uint32_t reserved; /* zero */
  const edgec_tensor_desc *inputs;
  const edgec_tensor_desc *outputs;
  const char *name;      /* model name */
  const char *target;    /* device it was compiled for, e.g. "rpi4" */
  uint64_t weights_size; /* exact size of the weights file in bytes */
  uint64_t weights_hash; /* FNV-1a 64-bit hash of the weights file */
  uint64_t scratch_size; /* bytes of activation arena the entry needs */
  void (*entry)(void **args);
} edgec_model_desc;

typedef struct edgec_model edgec_model;

/* Loads weights from a file and returns a ready model in *out. */
edgec_status edgec_model_create(const edgec_model_desc *desc,
                                const char *weights_path, edgec_model **out);

/* Same, with weights already in memory (copied when not 64-byte aligned;
 * otherwise referenced: keep them alive until edgec_model_destroy). */
edgec_status edgec_model_create_from_memory(const edgec_model_desc *desc,
                                            const void *weights, size_t size,
                                            edgec_model **out);

/* Runs one inference. inputs[i] and outputs[i] follow the description. */
edgec_status edgec_model_run(edgec_model *model, const void *const *inputs,
                             void *const *outputs);

void edgec_model_destroy(edgec_model *model);

const edgec_model_desc *edgec_model_description(const edgec_model *model);

/* Threads an inference of `model` may use, counting the caller's (default
 * 1). Workers start here and sleep between inferences. */
edgec_status edgec_model_set_num_threads(edgec_model *model, int threads);

/* For compiled code: runs fn over [0, count) in contiguous chunks, one per
 * thread of the model being run (sequentially outside edgec_model_run). */
typedef void (*edgec_task_fn)(void *context, int64_t begin, int64_t end);
void edgec_parallel_for(int64_t count, edgec_task_fn fn, void *context);

/* Number of elements and bytes of a tensor. */
int64_t edgec_tensor_num_elements(const edgec_tensor_desc *tensor);
size_t edgec_tensor_num_bytes(const edgec_tensor_desc *tensor);
size_t edgec_dtype_size(int32_t dtype);
const char *edgec_dtype_name(int32_t dtype); /* numpy style: "float32" */

/* A short English description of a status code. */
const char *edgec_status_string(edgec_status status);

/* FNV-1a 64-bit hash, as stored in weights_hash. */
uint64_t edgec_fnv1a64(const void *data, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* EDGEC_RUNTIME_H */
