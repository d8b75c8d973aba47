/*
 * NumPy .npy reader and writer. The format: the magic "\x93NUMPY", a major
 * and minor version byte, the header length (uint16 for 1.0, uint32 for 2.0
 * and 3.0, little-endian), then a Python dict literal such as
 *   {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
 * padded with spaces and a newline, then the raw data.
 */
#define _POSIX_C_SOURCE 200809L

#include "npy.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
  NPY_ALIGNMENT = 64,
  /* Real headers of supported arrays are a few hundred bytes; anything far
   * larger is a corrupt file, not something to allocate for. */
  NPY_MAX_HEADER = 1 << 20
};

static const char kMagic[] = "\x93NUMPY";

static int fail(char *err, size_t errlen, const char *fmt, ...) {
  if (err && errlen) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
  }
  return -1;
}

/* numpy's type codes of the edgec dtypes, without the byte order mark. */
static const struct {
  const char *code;
  int32_t dtype;
} kDtypes[] = {
    {"f4", EDGEC_DTYPE_F32},  {"f2", EDGEC_DTYPE_F16}, {"i1", EDGEC_DTYPE_I8},
    {"u1", EDGEC_DTYPE_U8},   {"i4", EDGEC_DTYPE_I32}, {"i8", EDGEC_DTYPE_I64},
    {"b1", EDGEC_DTYPE_BOOL},
};

/* Returns 0 and sets *dtype, 1 for big-endian data, -1 for anything else.
 * '=' (native) is read as little-endian: every edgec target is. */
static int parse_descr(const char *descr, int32_t *dtype) {
  char order = 0;
  if (*descr && strchr("<>=|", *descr))
    order = *descr++;
  for (size_t i = 0; i < sizeof kDtypes / sizeof kDtypes[0]; ++i) {
    if (strcmp(descr, kDtypes[i].code) != 0)
      continue;
    if (edgec_dtype_size(kDtypes[i].dtype) > 1 &&
        (order == '>' || order == '|'))
      return order == '>' ? 1 : -1;
    *dtype = kDtypes[i].dtype;
    return 0;
  }
  return -1;
}

/* Element count times size, failing on a bad dtype, rank or overflow. */
static int data_size(int32_t dtype, int32_t rank, const int64_t *shape,
                     size_t *nbytes) {
  edgec_tensor_desc t = {NULL, dtype, rank, shape};
  int64_t n = edgec_tensor_num_elements(&t);
  size_t elem = edgec_dtype_size(dtype);
  if (n < 0 || elem == 0 || (uint64_t)n > SIZE_MAX / elem)
    return -1;
  *nbytes = (size_t)n * elem;
  return 0;
}

static void *alloc_aligned(size_t size) {
  void *p = NULL;
  if (posix_memalign(&p, NPY_ALIGNMENT, size ? size : 1) != 0)
    return NULL;
  return p;
}

/* A cursor over the header text, which need not be NUL-terminated. */
typedef struct cursor {
  const char *p, *end;
} cursor;

static void skip_space(cursor *c) {
  while (c->p < c->end &&
         (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
    ++c->p;
}

static int eat(cursor *c, char ch) {
  skip_space(c);
  if (c->p < c->end && *c->p == ch) {
    ++c->p;
    return 1;
  }
  return 0;
}

static int eat_word(cursor *c, const char *word) {
  size_t n = strlen(word);
  skip_space(c);
  if ((size_t)(c->end - c->p) < n || memcmp(c->p, word, n) != 0)
    return 0;
  c->p += n;
  return 1;
}

/* A quoted string of printable ASCII without escapes, as numpy writes them
 * (and so safe to quote in one-line messages); 0 on success. */
static int parse_string(cursor *c, char *buf, size_t len) {
  skip_space(c);
  if (c->p >= c->end || (*c->p != '\'' && *c->p != '"'))
    return -1;
  char quote = *c->p++;
  size_t n = 0;
  for (; c->p < c->end && *c->p != quote; ++c->p) {
    if (*c->p == '\\' || *c->p < ' ' || *c->p > '~' || n + 1 >= len)
      return -1;
    buf[n++] = *c->p;
  }
  if (c->p >= c->end)
    return -1;
  ++c->p;
  buf[n] = '\0';
  return 0;
}

/* A tuple of non-negative integers: (), (3,), (2, 3) or (2L, 3L) from
 * Python 2. */
static int parse_shape(cursor *c, edgec_npy *out, const char *path, char *err,
                       size_t errlen) {
  if (!eat(c, '('))
    return fail(err, errlen, "%s: malformed header: shape is not a tuple",
                path);
  out->rank = 0;
  if (eat(c, ')'))
    return 0;
  for (;;) {
    skip_space(c);
    int negative = c->p < c->end && *c->p == '-';
    c->p += negative;
    if (c->p >= c->end || *c->p < '0' || *c->p > '9')
      return fail(err, errlen, "%s: malformed header: bad shape", path);
    int64_t dim = 0;
    for (; c->p < c->end && *c->p >= '0' && *c->p <= '9'; ++c->p) {
      int digit = *c->p - '0';
      if (dim > (INT64_MAX - digit) / 10)
        return fail(err, errlen, "%s: dimension too large in shape", path);
      dim = dim * 10 + digit;
    }
    if (c->p < c->end && (*c->p == 'L' || *c->p == 'l'))
      ++c->p;
    if (negative && dim)
      return fail(err, errlen, "%s: negative dimension -%lld in shape", path,
                  (long long)dim);
    if (out->rank == EDGEC_NPY_MAX_RANK)
      return fail(err, errlen, "%s: more than %d dimensions", path,
                  EDGEC_NPY_MAX_RANK);
    out->shape[out->rank++] = dim;
    if (eat(c, ')'))
      return 0;
    if (!eat(c, ','))
      return fail(err, errlen, "%s: malformed header: bad shape", path);
    if (eat(c, ')'))
      return 0;
  }
}

/* Parses the header dict: exactly the keys descr, fortran_order and shape,
 * in any order, with optional trailing comma. */
static int parse_header(const char *text, size_t len, edgec_npy *out,
                        const char *path, char *err, size_t errlen) {
  cursor c = {text, text + len};
  char key[32], descr[32];
  int has_descr = 0, has_order = 0, has_shape = 0, fortran = 0;
  if (!eat(&c, '{'))
    return fail(err, errlen, "%s: malformed header: expected '{'", path);
  while (!eat(&c, '}')) {
    if (parse_string(&c, key, sizeof key) != 0 || !eat(&c, ':'))
      return fail(err, errlen, "%s: malformed header: expected 'key': value",
                  path);
    if (strcmp(key, "descr") == 0 && !has_descr) {
      has_descr = 1;
      if (parse_string(&c, descr, sizeof descr) != 0)
        return fail(err, errlen,
                    "%s: unsupported dtype: only plain numeric dtypes are "
                    "supported",
                    path);
    } else if (strcmp(key, "fortran_order") == 0 && !has_order) {
      has_order = 1;
      if (eat_word(&c, "True"))
        fortran = 1;
      else if (!eat_word(&c, "False"))
        return fail(err, errlen,
                    "%s: malformed header: fortran_order is not True or False",
                    path);
    } else if (strcmp(key, "shape") == 0 && !has_shape) {
      has_shape = 1;
      if (parse_shape(&c, out, path, err, errlen) != 0)
        return -1;
    } else {
      return fail(err, errlen, "%s: unexpected or repeated header key '%s'",
                  path, key);
    }
    if (!eat(&c, ',')) {
      if (!eat(&c, '}'))
        return fail(err, errlen, "%s: malformed header: expected ',' or '}'",
                    path);
      break;
    }
  }
  skip_space(&c);
  if (c.p != c.end)
    return fail(err, errlen, "%s: malformed header: text after the dict", path);
  if (!has_descr || !has_order || !has_shape)
    return fail(err, errlen, "%s: header lacks key '%s'", path,
                !has_descr   ? "descr"
                : !has_order ? "fortran_order"
                             : "shape");

  int rc = parse_descr(descr, &out->dtype);
  if (rc > 0)
    return fail(err, errlen,
                "%s: big-endian dtype '%s' is not supported; save with "
                "arr.astype(arr.dtype.newbyteorder('<'))",
                path, descr);
  if (rc < 0)
    return fail(err, errlen,
                "%s: unsupported dtype '%s' (supported: float32, float16, "
                "int8, uint8, int32, int64, bool)",
                path, descr);
  if (fortran)
    return fail(err, errlen,
                "%s: fortran_order=True is not supported; save "
                "numpy.ascontiguousarray(arr) instead",
                path);
  return 0;
}

static int read_open_file(FILE *f, const char *path, edgec_npy *out, char *err,
                          size_t errlen) {
  struct stat st;
  if (fstat(fileno(f), &st) != 0)
    return fail(err, errlen, "%s: %s", path, strerror(errno));
  if (!S_ISREG(st.st_mode))
    return fail(err, errlen, "%s: not a regular file", path);
  uint64_t file_size = (uint64_t)st.st_size;

  unsigned char prefix[12];
  size_t got = fread(prefix, 1, sizeof prefix, f);
  if (got < 6 || memcmp(prefix, kMagic, 6) != 0)
    return fail(err, errlen, "%s: not a .npy file (bad magic)", path);
  if (got < 10)
    return fail(err, errlen, "%s: truncated header", path);
  unsigned major = prefix[6], minor = prefix[7];
  size_t offset, header_len;
  if (major == 1 && minor == 0) {
    offset = 10;
    header_len = (size_t)prefix[8] | (size_t)prefix[9] << 8;
  } else if ((major == 2 || major == 3) && minor == 0) {
    if (got < 12)
      return fail(err, errlen, "%s: truncated header", path);
    offset = 12;
    header_len = (size_t)prefix[8] | (size_t)prefix[9] << 8 |
                 (size_t)prefix[10] << 16 | (size_t)prefix[11] << 24;
  } else {
    return fail(err, errlen, "%s: unsupported .npy format version %u.%u", path,
                major, minor);
  }
  if (header_len > NPY_MAX_HEADER)
    return fail(err, errlen, "%s: header of %zu bytes is too large", path,
                header_len);
  if (offset + header_len > file_size)
    return fail(err, errlen, "%s: truncated header", path);

  char *header = malloc(header_len ? header_len : 1);
  if (!header)
    return fail(err, errlen, "%s: out of memory", path);
  if (fseek(f, (long)offset, SEEK_SET) != 0 ||
      fread(header, 1, header_len, f) != header_len) {
    free(header);
    return fail(err, errlen, "%s: read error", path);
  }
  int rc = parse_header(header, header_len, out, path, err, errlen);
  free(header);
  if (rc != 0)
    return rc;

  size_t nbytes;
  if (data_size(out->dtype, out->rank, out->shape, &nbytes) != 0)
    return fail(err, errlen, "%s: shape is too large", path);
  uint64_t available = file_size - offset - header_len;
  if (available < nbytes)
    return fail(err, errlen,
                "%s: truncated data: the shape needs %zu bytes, the file has "
                "%llu",
                path, nbytes, (unsigned long long)available);
  if (available > nbytes)
    return fail(err, errlen,
                "%s: %llu unexpected bytes after the %zu bytes of data", path,
                (unsigned long long)(available - nbytes), nbytes);
  out->data = alloc_aligned(nbytes);
  if (!out->data)
    return fail(err, errlen, "%s: out of memory for %zu bytes", path, nbytes);
  out->nbytes = nbytes;
  if (fread(out->data, 1, nbytes, f) != nbytes)
    return fail(err, errlen, "%s: read error", path);
  return 0;
}

int edgec_npy_read(const char *path, edgec_npy *out, char *err, size_t errlen) {
  if (!out)
    return fail(err, errlen, "no result struct given");
  memset(out, 0, sizeof *out);
  if (!path)
    return fail(err, errlen, "no path given");
  FILE *f = fopen(path, "rb");
  if (!f)
    return fail(err, errlen, "%s: %s", path, strerror(errno));
  int rc = read_open_file(f, path, out, err, errlen);
  fclose(f);
  if (rc != 0)
    edgec_npy_free(out);
  return rc;
}

void edgec_npy_free(edgec_npy *npy) {
  if (!npy)
    return;
  free(npy->data);
  memset(npy, 0, sizeof *npy);
}

int edgec_npy_write(const char *path, int32_t dtype, int32_t rank,
                    const int64_t *shape, const void *data, char *err,
                    size_t errlen) {
  if (!path)
    return fail(err, errlen, "no path given");
  if (rank < 0 || rank > EDGEC_NPY_MAX_RANK || (rank && !shape))
    return fail(err, errlen, "%s: invalid rank %d", path, (int)rank);
  const char *code = NULL;
  for (size_t i = 0; i < sizeof kDtypes / sizeof kDtypes[0]; ++i)
    if (kDtypes[i].dtype == dtype)
      code = kDtypes[i].code;
  size_t nbytes;
  if (!code)
    return fail(err, errlen, "%s: unsupported dtype %d", path, (int)dtype);
  if (data_size(dtype, rank, shape, &nbytes) != 0)
    return fail(err, errlen, "%s: invalid shape", path);
  if (nbytes && !data)
    return fail(err, errlen, "%s: no data given", path);

  /* Magic, version 1.0 and length, then the dict padded with spaces and a
   * newline to a multiple of 64 bytes, as numpy does. A bounded rank keeps
   * the header far below the 64 KiB limit of format 1.0. */
  char header[640];
  size_t n = 10;
  n += (size_t)snprintf(header + n, sizeof header - n,
                        "{'descr': '%c%s', 'fortran_order': False, 'shape': (",
                        edgec_dtype_size(dtype) > 1 ? '<' : '|', code);
  for (int32_t i = 0; i < rank; ++i)
    n += (size_t)snprintf(header + n, sizeof header - n, "%s%lld",
                          i ? ", " : "", (long long)shape[i]);
  n += (size_t)snprintf(header + n, sizeof header - n, "%s), }",
                        rank == 1 ? "," : "");
  size_t total = (n + 1 + 63) / 64 * 64;
  memset(header + n, ' ', total - n - 1);
  header[total - 1] = '\n';
  memcpy(header, kMagic, 6);
  header[6] = 1;
  header[7] = 0;
  header[8] = (char)((total - 10) & 0xff);
  header[9] = (char)((total - 10) >> 8);

  /* Readers never see a partial file: write a temporary one, then rename. */
  size_t tmp_len = strlen(path) + 32;
  char *tmp = malloc(tmp_len);
  if (!tmp)
    return fail(err, errlen, "%s: out of memory", path);
  snprintf(tmp, tmp_len, "%s.tmp.%ld", path, (long)getpid());
  FILE *f = fopen(tmp, "wb");
  if (!f) {
    int e = errno;
    free(tmp);
    return fail(err, errlen, "%s: cannot write: %s", path, strerror(e));
  }
  int ok = fwrite(header, 1, total, f) == total &&
           (nbytes == 0 || fwrite(data, 1, nbytes, f) == nbytes);
  int e = errno;
  if (fclose(f) != 0 && ok) {
    ok = 0;
    e = errno;
  }
  if (ok && rename(tmp, path) != 0) {
    ok = 0;
    e = errno;
  }
  if (!ok)
    remove(tmp);
  free(tmp);
  if (!ok)
    return fail(err, errlen, "%s: cannot write: %s", path, strerror(e));
  return 0;
}
