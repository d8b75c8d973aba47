/*
 * Reading and writing NumPy .npy files holding the dtypes edgec supports
 * (float32, float16, int8, uint8, int32, int64, bool), little-endian and in
 * C order. Used by the generic runner and the tests; not part of the public
 * artifact API.
 */
#ifndef EDGEC_NPY_H
#define EDGEC_NPY_H

#include "edgec/edgec_runtime.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define EDGEC_NPY_MAX_RANK 16

typedef struct edgec_npy {
  int32_t dtype;                     /* an edgec_dtype */
  int32_t rank;                      /* 0 for a scalar */
  int64_t shape[EDGEC_NPY_MAX_RANK]; /* first `rank` entries are valid */
  void *data;                        /* 64-byte aligned, never NULL */
  size_t nbytes;                     /* bytes of data (may be 0) */
} edgec_npy;

/*
 * Reads a .npy file (format 1.0, 2.0 or 3.0) into *out. Returns 0 on success;
 * on failure returns -1, leaves *out zeroed and writes a one-line message
 * starting with the path into err (when errlen > 0). Rejects big-endian data,
 * Fortran order, other dtypes, and malformed or truncated files, including
 * files with bytes after the data.
 */
int edgec_npy_read(const char *path, edgec_npy *out, char *err, size_t errlen);

/* Frees out->data and zeroes *out; safe on a zeroed or failed result. */
void edgec_npy_free(edgec_npy *npy);

/*
 * Writes a format 1.0 .npy file atomically (to "<path>.tmp.<pid>", then
 * renamed). data holds the product of shape elements of dtype (may be NULL
 * when that is 0). Returns 0, or -1 with a one-line message in err.
 */
int edgec_npy_write(const char *path, int32_t dtype, int32_t rank,
                    const int64_t *shape, const void *data, char *err,
                    size_t errlen);

#ifdef __cplusplus
}
#endif

#endif /* EDGEC_NPY_H */
