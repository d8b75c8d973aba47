/*
 * edgec runtime: loads a compiled model's weights and calls its entry point.
 * Every piece of state lives in the edgec_model object, so any number of
 * models can coexist in one process.
 */
#define _POSIX_C_SOURCE 200809L

#include "edgec/edgec_runtime.h"
#include "thread_pool.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum {
  EDGEC_ALIGNMENT = 64, /* what the compiled code assumes for weights/scratch */
  EDGEC_STACK_ARGS =
      64 /* entry argument vectors up to this size avoid malloc */
};

/* Per-model state; worker threads, once added, belong here as well. */
struct edgec_model {
  const edgec_model_desc *desc;
  void *weights; /* 64-byte aligned; NULL when weights_size is 0 */
  void *owned;   /* weights when the runtime allocated them, else NULL */
  void *scratch; /* 64-byte aligned and zeroed; NULL when scratch_size is 0 */
  edgec_pool *pool; /* NULL: one thread */
};

static void *alloc_aligned(size_t size) {
  void *p = NULL;
  if (posix_memalign(&p, EDGEC_ALIGNMENT, size) != 0)
    return NULL;
  return p;
}

static edgec_status check_desc(const edgec_model_desc *desc,
                               edgec_model **out) {
  if (!out)
    return EDGEC_ERR_INVALID_ARGUMENT;
  *out = NULL;
  if (!desc)
    return EDGEC_ERR_INVALID_ARGUMENT;
  if (desc->abi_version != EDGEC_ABI_VERSION)
    return EDGEC_ERR_ABI;
  if (!desc->entry || (desc->num_inputs && !desc->inputs) ||
      (desc->num_outputs && !desc->outputs))
    return EDGEC_ERR_INVALID_ARGUMENT;
  if (desc->weights_size > SIZE_MAX || desc->scratch_size > SIZE_MAX)
    return EDGEC_ERR_OUT_OF_MEMORY;
  return EDGEC_OK;
}

/* Takes ownership of `owned` (freed on failure too). */
static edgec_status finish_create(const edgec_model_desc *desc, void *weights,
                                  void *owned, edgec_model **out) {
  edgec_model *m = calloc(1, sizeof *m);
  if (!m) {
    free(owned);
    return EDGEC_ERR_OUT_OF_MEMORY;
  }
  m->desc = desc;
  m->weights = weights;
  m->owned = owned;
  if (desc->scratch_size) {
    m->scratch = alloc_aligned((size_t)desc->scratch_size);
    if (!m->scratch) {
      edgec_model_destroy(m);
      return EDGEC_ERR_OUT_OF_MEMORY;
    }
    memset(m->scratch, 0, (size_t)desc->scratch_size);
  }
  *out = m;
  return EDGEC_OK;
}

edgec_status edgec_model_create(const edgec_model_desc *desc,
                                const char *weights_path, edgec_model **out) {
  edgec_status status = check_desc(desc, out);
  if (status != EDGEC_OK)
    return status;
  if (!weights_path) {
    if (desc->weights_size != 0)
      return EDGEC_ERR_INVALID_ARGUMENT;
    if (edgec_fnv1a64(NULL, 0) != desc->weights_hash)
      return EDGEC_ERR_WEIGHTS;
    return finish_create(desc, NULL, NULL, out);
  }

  FILE *f = fopen(weights_path, "rb");
  if (!f)
    return EDGEC_ERR_IO;
  struct stat st;
  if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
    fclose(f);
    return EDGEC_ERR_IO;
  }
  /* Checked before reading so that a wrong file costs no allocation. */
  if ((uint64_t)st.st_size != desc->weights_size) {
    fclose(f);
    return EDGEC_ERR_WEIGHTS;
  }
  size_t size = (size_t)desc->weights_size;
  void *weights = NULL;
  if (size) {
    weights = alloc_aligned(size);
    if (!weights) {
      fclose(f);
      return EDGEC_ERR_OUT_OF_MEMORY;
    }
    if (fread(weights, 1, size, f) != size) {
      fclose(f);
      free(weights);
      return EDGEC_ERR_IO;
    }
  }
  fclose(f);
  if (edgec_fnv1a64(weights, size) != desc->weights_hash) {
    free(weights);
    return EDGEC_ERR_WEIGHTS;
  }
  return finish_create(desc, weights, weights, out);
}

edgec_status edgec_model_create_from_memory(const edgec_model_desc *desc,
                                            const void *weights, size_t size,
                                            edgec_model **out) {
  edgec_status status = check_desc(desc, out);
  if (status != EDGEC_OK)
    return status;
  if (size && !weights)
    return EDGEC_ERR_INVALID_ARGUMENT;
  if ((uint64_t)size != desc->weights_size ||
      edgec_fnv1a64(weights, size) != desc->weights_hash)
    return EDGEC_ERR_WEIGHTS;
  if (size == 0)
    return finish_create(desc, NULL, NULL, out);
  /* Referenced weights are only ever read: the entry gets them as void *. */
  if ((uintptr_t)weights % EDGEC_ALIGNMENT == 0)
    return finish_create(desc, (void *)(uintptr_t)weights, NULL, out);
  void *copy = alloc_aligned(size);
  if (!copy)
    return EDGEC_ERR_OUT_OF_MEMORY;
  memcpy(copy, weights, size);
  return finish_create(desc, copy, copy, out);
}

edgec_status edgec_model_run(edgec_model *model, const void *const *inputs,
                             void *const *outputs) {
  if (!model)
    return EDGEC_ERR_INVALID_ARGUMENT;
  const edgec_model_desc *desc = model->desc;
  size_t num_inputs = desc->num_inputs, num_outputs = desc->num_outputs;
  if ((num_inputs && !inputs) || (num_outputs && !outputs))
    return EDGEC_ERR_INVALID_ARGUMENT;
  for (size_t i = 0; i < num_inputs; ++i)
    if (!inputs[i])
      return EDGEC_ERR_INVALID_ARGUMENT;
  for (size_t i = 0; i < num_outputs; ++i)
    if (!outputs[i])
      return EDGEC_ERR_INVALID_ARGUMENT;

  size_t num_args = num_inputs + num_outputs + 2;
  void *stack_args[EDGEC_STACK_ARGS];
  void **args = stack_args;
  if (num_args > EDGEC_STACK_ARGS) {
    if (num_args > SIZE_MAX / sizeof *args)
      return EDGEC_ERR_OUT_OF_MEMORY;
    args = malloc(num_args * sizeof *args);
    if (!args)
      return EDGEC_ERR_OUT_OF_MEMORY;
  }
  /* The entry ABI takes plain void pointers; compiled code never writes to
   * inputs. */
  for (size_t i = 0; i < num_inputs; ++i)
    args[i] = (void *)(uintptr_t)inputs[i];
  for (size_t i = 0; i < num_outputs; ++i)
    args[num_inputs + i] = outputs[i];
  args[num_inputs + num_outputs] = model->weights;
  args[num_inputs + num_outputs + 1] = model->scratch;
  edgec_pool *previous = edgec_pool_enter(model->pool);
  desc->entry(args);
  edgec_pool_enter(previous);
  if (args != stack_args)
    free(args);
  return EDGEC_OK;
}

edgec_status edgec_model_set_num_threads(edgec_model *model, int threads) {
  if (!model || threads < 1)
    return EDGEC_ERR_INVALID_ARGUMENT;
  if (threads == edgec_pool_threads(model->pool))
    return EDGEC_OK;
  edgec_pool *pool = NULL;
  if (threads > 1) {
    pool = edgec_pool_create(threads);
    if (!pool)
      return EDGEC_ERR_OUT_OF_MEMORY;
  }
  edgec_pool_destroy(model->pool);
  model->pool = pool;
  return EDGEC_OK;
}

void edgec_model_destroy(edgec_model *model) {
  if (!model)
    return;
  edgec_pool_destroy(model->pool);
  free(model->owned);
  free(model->scratch);
  free(model);
}

const edgec_model_desc *edgec_model_description(const edgec_model *model) {
  return model ? model->desc : NULL;
}

/* -1 for a malformed description: negative dimension or overflow. */
int64_t edgec_tensor_num_elements(const edgec_tensor_desc *tensor) {
  if (!tensor || tensor->rank < 0 || (tensor->rank > 0 && !tensor->shape))
    return -1;
  int64_t n = 1;
  for (int32_t i = 0; i < tensor->rank; ++i) {
    int64_t d = tensor->shape[i];
    if (d < 0 || (d > 0 && n > INT64_MAX / d))
      return -1;
    n *= d;
  }
  return n;
}

/* 0 for a malformed description or an unknown dtype (and empty tensors). */
size_t edgec_tensor_num_bytes(const edgec_tensor_desc *tensor) {
  int64_t n = edgec_tensor_num_elements(tensor);
  size_t elem = tensor ? edgec_dtype_size(tensor->dtype) : 0;
  if (n < 0 || elem == 0 || (uint64_t)n > SIZE_MAX / elem)
    return 0;
  return (size_t)n * elem;
}

size_t edgec_dtype_size(int32_t dtype) {
  switch (dtype) {
  case EDGEC_DTYPE_F32:
  case EDGEC_DTYPE_I32:
    return 4;
  case EDGEC_DTYPE_F16:
    return 2;
  case EDGEC_DTYPE_I8:
  case EDGEC_DTYPE_U8:
  case EDGEC_DTYPE_BOOL:
    return 1;
  case EDGEC_DTYPE_I64:
    return 8;
  default:
    return 0;
  }
}

const char *edgec_dtype_name(int32_t dtype) {
  switch (dtype) {
  case EDGEC_DTYPE_F32:
    return "float32";
  case EDGEC_DTYPE_F16:
    return "float16";
  case EDGEC_DTYPE_I8:
    return "int8";
  case EDGEC_DTYPE_U8:
    return "uint8";
  case EDGEC_DTYPE_I32:
    return "int32";
  case EDGEC_DTYPE_I64:
    return "int64";
  case EDGEC_DTYPE_BOOL:
    return "bool";
  default:
    return "unknown";
  }
}

const char *edgec_status_string(edgec_status status) {
  switch (status) {
  case EDGEC_OK:
    return "success";
  case EDGEC_ERR_INVALID_ARGUMENT:
    return "invalid argument";
  case EDGEC_ERR_IO:
    return "weights file missing or unreadable";
  case EDGEC_ERR_WEIGHTS:
    return "weights size or checksum mismatch";
  case EDGEC_ERR_OUT_OF_MEMORY:
    return "out of memory";
  case EDGEC_ERR_ABI:
    return "model built for another runtime ABI version";
  }
  return "unknown status";
}

uint64_t edgec_fnv1a64(const void *data, size_t size) {
  const unsigned char *p = data;
  uint64_t h = UINT64_C(14695981039346656037);
  for (size_t i = 0; i < size; ++i) {
    h ^= p[i];
    h *= UINT64_C(1099511628211);
  }
  return h;
}
