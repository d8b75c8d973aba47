/*
 * The generic runner: `edgec run` links it with one compiled model, naming
 * the model's description edgec_runner_model at link time. It feeds .npy
 * inputs to the model, times it and writes or prints the outputs. Every
 * failure is one "error: ..." line on stderr and exit status 1.
 */
#define _POSIX_C_SOURCE 200809L

#include "edgec/edgec_runtime.h"
#include "npy.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

extern const edgec_model_desc edgec_runner_model;

static const char kUsage[] =
    "usage: runner --weights FILE [--input NAME=FILE.npy]... "
    "[--input FILE.npy]\n"
    "              [--output-dir DIR] [--repeat N] [--warmup N] [--threads N]\n"
    "              [--print] [--json] [--info] [--random-inputs]\n"
    "\n"
    "  --weights FILE     the weights.bin compiled with the model\n"
    "  --input NAME=FILE  value of input NAME (split at the first '=');\n"
    "                     a bare FILE (no '=') for single-input models\n"
    "  --output-dir DIR   write DIR/<output>.npy for every output\n"
    "  --repeat N         timed inferences (default 1)\n"
    "  --warmup N         untimed inferences first (default 1 if N > 1)\n"
    "  --threads N        threads per inference (default 1)\n"
    "  --random-inputs    inputs not given get seeded uniform values in\n"
    "                     [-1, 1) (float32) or zeros (benchmarks)\n"
    "  --print            print output values and statistics\n"
    "  --json             print one JSON object: timings and outputs\n"
    "  --info             print the model's inputs and outputs, exit\n";

_Noreturn static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("error: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

static void *xalloc(size_t size) {
  void *p = NULL;
  if (posix_memalign(&p, 64, size ? size : 1) != 0)
    die("out of memory allocating %zu bytes", size);
  memset(p, 0, size ? size : 1);
  return p;
}

static const char *or_unknown(const char *s) { return s ? s : "?"; }

/* "float32[1,3,224,224]"; "float32[]" for a scalar. */
static const char *tensor_type(char *buf, size_t len, int32_t dtype,
                               int32_t rank, const int64_t *shape) {
  size_t n = (size_t)snprintf(buf, len, "%s[", edgec_dtype_name(dtype));
  for (int32_t i = 0; i < rank && n < len; ++i)
    n += (size_t)snprintf(buf + n, len - n, "%s%lld", i ? "," : "",
                          (long long)shape[i]);
  if (n < len)
    snprintf(buf + n, len - n, "]");
  return buf;
}

static const char *desc_type(char *buf, size_t len,
                             const edgec_tensor_desc *t) {
  return tensor_type(buf, len, t->dtype, t->rank, t->shape);
}

/* "'a', 'b'" for error messages. */
static const char *name_list(char *buf, size_t len,
                             const edgec_tensor_desc *tensors, uint32_t n) {
  size_t used = 0;
  buf[0] = '\0';
  for (uint32_t i = 0; i < n && used < len; ++i)
    used += (size_t)snprintf(buf + used, len - used, "%s'%s'", i ? ", " : "",
                             or_unknown(tensors[i].name));
  return n ? buf : "none";
}

static long parse_count(const char *option, const char *value, long min) {
  char *end;
  errno = 0;
  long n = strtol(value, &end, 10);
  if (errno || end == value || *end || n < min || n > 1000000000L)
    die("%s expects an integer from %ld to 1000000000, got '%s'", option, min,
        value);
  return n;
}

typedef struct options {
  const char *weights;
  const char **inputs; /* the --input arguments, in order */
  int num_inputs;
  const char *output_dir;
  long repeat, warmup, threads;
  int print, json, info, random_inputs;
} options;

static void parse_options(int argc, char **argv, options *o) {
  o->inputs = calloc((size_t)argc, sizeof *o->inputs);
  if (!o->inputs)
    die("out of memory");
  o->repeat = 1;
  o->threads = 1;
  o->warmup = -1;
  for (int i = 1; i < argc; ++i) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      fputs(kUsage, stdout);
      exit(0);
    }
    if (!strcmp(a, "--print")) {
      o->print = 1;
      continue;
    }
    if (!strcmp(a, "--json")) {
      o->json = 1;
      continue;
    }
    if (!strcmp(a, "--info")) {
      o->info = 1;
      continue;
    }
    if (!strcmp(a, "--random-inputs")) {
      o->random_inputs = 1;
      continue;
    }
    if (strcmp(a, "--weights") && strcmp(a, "--input") &&
        strcmp(a, "--output-dir") && strcmp(a, "--repeat") &&
        strcmp(a, "--warmup") && strcmp(a, "--threads"))
      die("unknown argument '%s' (see --help)", a);
    if (i + 1 >= argc)
      die("%s needs a value", a);
    const char *v = argv[++i];
    if (!strcmp(a, "--weights"))
      o->weights = v;
    else if (!strcmp(a, "--input"))
      o->inputs[o->num_inputs++] = v;
    else if (!strcmp(a, "--output-dir"))
      o->output_dir = v;
    else if (!strcmp(a, "--repeat"))
      o->repeat = parse_count(a, v, 1);
    else if (!strcmp(a, "--threads"))
      o->threads = parse_count(a, v, 1);
    else
      o->warmup = parse_count(a, v, 0);
  }
  if (o->warmup < 0)
    o->warmup = o->repeat > 1 ? 1 : 0;
}

static void print_info(const edgec_model_desc *d) {
  char buf[512];
  printf("model: %s\ntarget: %s\ninputs:\n", or_unknown(d->name),
         or_unknown(d->target));
  for (uint32_t i = 0; i < d->num_inputs; ++i)
    printf("  %s %s\n", or_unknown(d->inputs[i].name),
           desc_type(buf, sizeof buf, &d->inputs[i]));
  printf("outputs:\n");
  for (uint32_t i = 0; i < d->num_outputs; ++i)
    printf("  %s %s\n", or_unknown(d->outputs[i].name),
           desc_type(buf, sizeof buf, &d->outputs[i]));
  printf("weights: %llu bytes\nscratch: %llu bytes\n",
         (unsigned long long)d->weights_size,
         (unsigned long long)d->scratch_size);
}

/* A tensor of seeded uniform values in [-1, 1) (float32; other dtypes get
 * zeros), for benchmarks that need no particular input. */
static void random_input(const edgec_tensor_desc *t, edgec_npy *value) {
  size_t bytes = edgec_tensor_num_bytes(t);
  memset(value, 0, sizeof *value);
  value->dtype = t->dtype;
  value->rank = t->rank;
  for (int32_t k = 0; k < t->rank && k < EDGEC_NPY_MAX_RANK; ++k)
    value->shape[k] = t->shape[k];
  value->data = calloc(bytes ? bytes : 1, 1);
  if (!value->data)
    die("out of memory");
  value->nbytes = bytes;
  if (t->dtype != EDGEC_DTYPE_F32)
    return;
  uint64_t state = 0x9e3779b97f4a7c15ull;
  float *f = value->data;
  for (size_t k = 0; k < bytes / sizeof(float); ++k) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    f[k] = (float)((state >> 40) * (2.0 / 16777216.0) - 1.0);
  }
}

/* Maps every --input argument to a model input and loads it into
 * values[i], checking dtype and shape against the description. */
static void load_inputs(const edgec_model_desc *d, const options *o,
                        edgec_npy *values) {
  char names[1024], want[512], got[512], err[1024];
  const char **files = calloc(d->num_inputs + 1u, sizeof *files);
  if (!files)
    die("out of memory");
  for (int i = 0; i < o->num_inputs; ++i) {
    const char *arg = o->inputs[i], *eq = strchr(arg, '=');
    uint32_t idx = 0;
    if (!eq) {
      if (d->num_inputs != 1)
        die("--input %s: a FILE without NAME= needs a model with exactly one "
            "input; model inputs: %s",
            arg, name_list(names, sizeof names, d->inputs, d->num_inputs));
    } else {
      size_t len = (size_t)(eq - arg);
      for (idx = 0; idx < d->num_inputs; ++idx) {
        const char *name = or_unknown(d->inputs[idx].name);
        if (strlen(name) == len && !strncmp(name, arg, len))
          break;
      }
      if (idx == d->num_inputs)
        die("unknown input '%.*s'; model inputs: %s", (int)len, arg,
            name_list(names, sizeof names, d->inputs, d->num_inputs));
    }
    const char *file = eq ? eq + 1 : arg;
    const char *name = or_unknown(d->inputs[idx].name);
    if (files[idx])
      die("input '%s' given more than once", name);
    if (!*file)
      die("input '%s': empty file name", name);
    files[idx] = file;
  }
  for (uint32_t i = 0; i < d->num_inputs; ++i) {
    const edgec_tensor_desc *t = &d->inputs[i];
    if (!files[i] && o->random_inputs) {
      random_input(t, &values[i]);
      continue;
    }
    if (!files[i])
      die("missing input '%s' %s (pass --input %s=FILE.npy)",
          or_unknown(t->name), desc_type(want, sizeof want, t),
          or_unknown(t->name));
  }
  for (uint32_t i = 0; i < d->num_inputs; ++i) {
    const edgec_tensor_desc *t = &d->inputs[i];
    if (!files[i])
      continue;
    if (edgec_npy_read(files[i], &values[i], err, sizeof err) != 0)
      die("input '%s': %s", or_unknown(t->name), err);
    int same = values[i].dtype == t->dtype && values[i].rank == t->rank;
    for (int32_t k = 0; same && k < t->rank; ++k)
      same = values[i].shape[k] == t->shape[k];
    if (!same)
      die("input '%s': expected %s, got %s from %s", or_unknown(t->name),
          desc_type(want, sizeof want, t),
          tensor_type(got, sizeof got, values[i].dtype, values[i].rank,
                      values[i].shape),
          files[i]);
  }
  free(files);
}

static edgec_model *create_model(const edgec_model_desc *d,
                                 const char *weights) {
  if (!weights && d->weights_size)
    die("--weights FILE is required: the model has %llu bytes of weights",
        (unsigned long long)d->weights_size);
  edgec_model *model;
  errno = 0;
  edgec_status status = edgec_model_create(d, weights, &model);
  int e = errno;
  struct stat st;
  switch (status) {
  case EDGEC_OK:
    return model;
  case EDGEC_ERR_IO:
    die("cannot read weights '%s': %s", weights,
        e ? strerror(e) : "not a regular file");
  case EDGEC_ERR_WEIGHTS:
    if (weights && stat(weights, &st) == 0 &&
        (uint64_t)st.st_size != d->weights_size)
      die("weights '%s' have %lld bytes, model '%s' expects %llu: they come "
          "from another compilation",
          weights, (long long)st.st_size, or_unknown(d->name),
          (unsigned long long)d->weights_size);
    die("weights '%s' fail the checksum of model '%s': they come from "
        "another compilation",
        weights ? weights : "(none)", or_unknown(d->name));
  default:
    die("cannot create model: %s", edgec_status_string(status));
  }
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int compare_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* mkdir -p: creates every missing component of dir. */
static void make_dirs(const char *dir) {
  if (!*dir)
    die("--output-dir needs a non-empty path");
  char *path = strdup(dir);
  if (!path)
    die("out of memory");
  for (char *p = path + 1;; ++p) {
    if (*p != '/' && *p != '\0')
      continue;
    char saved = *p;
    *p = '\0';
    if (mkdir(path, 0777) != 0 && errno != EEXIST)
      die("cannot create directory '%s': %s", path, strerror(errno));
    *p = saved;
    if (!saved)
      break;
  }
  struct stat st;
  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
    die("'%s' is not a directory", dir);
  free(path);
}

/* DIR/<name>.npy with every character outside [A-Za-z0-9._-] of the output
 * name replaced by '_'. Distinct ONNX names may sanitize to the same file
 * name ("a/b" and "a:b"): later outputs then get a suffix _1, _2, ... so
 * that no output overwrites another. */
static char **output_files(const edgec_model_desc *d, const char *dir) {
  char **files = calloc(d->num_outputs + 1u, sizeof *files);
  if (!files)
    die("out of memory");
  size_t dir_len = strlen(dir);
  const char *sep = dir_len && dir[dir_len - 1] == '/' ? "" : "/";
  for (uint32_t i = 0; i < d->num_outputs; ++i) {
    const char *name = or_unknown(d->outputs[i].name);
    size_t len = dir_len + strlen(name) + 32;
    char *base = malloc(strlen(name) + 2), *file = malloc(len);
    if (!base || !file)
      die("out of memory");
    size_t n = 0;
    for (const char *c = name; *c; ++c, ++n) {
      int ok = (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
               (*c >= '0' && *c <= '9') || *c == '.' || *c == '_' || *c == '-';
      base[n] = ok ? *c : '_';
    }
    if (!n)
      base[n++] = '_';
    base[n] = '\0';
    for (unsigned suffix = 0;; ++suffix) {
      if (suffix)
        snprintf(file, len, "%s%s%s_%u.npy", dir, sep, base, suffix);
      else
        snprintf(file, len, "%s%s%s.npy", dir, sep, base);
      uint32_t k = 0;
      while (k < i && strcmp(files[k], file))
        ++k;
      if (k == i)
        break;
    }
    files[i] = file;
    free(base);
  }
  return files;
}

static float half_to_float(uint16_t h) {
  int exponent = (h >> 10) & 0x1f, mantissa = h & 0x3ff;
  float f;
  if (exponent == 0)
    f = ldexpf((float)mantissa, -24);
  else if (exponent == 31)
    f = mantissa ? NAN : INFINITY;
  else
    f = ldexpf((float)(mantissa | 0x400), exponent - 25);
  return (h & 0x8000) ? -f : f;
}

static double value_at(int32_t dtype, const void *data, size_t i) {
  switch (dtype) {
  case EDGEC_DTYPE_F32:
    return ((const float *)data)[i];
  case EDGEC_DTYPE_F16:
    return half_to_float(((const uint16_t *)data)[i]);
  case EDGEC_DTYPE_I8:
    return ((const int8_t *)data)[i];
  case EDGEC_DTYPE_U8:
  case EDGEC_DTYPE_BOOL:
    return ((const uint8_t *)data)[i];
  case EDGEC_DTYPE_I32:
    return ((const int32_t *)data)[i];
  default:
    return (double)((const int64_t *)data)[i];
  }
}

static void print_value(int32_t dtype, const void *data, size_t i) {
  if (dtype == EDGEC_DTYPE_I64)
    printf(" %lld", (long long)((const int64_t *)data)[i]);
  else
    printf(" %.6g", value_at(dtype, data, i));
}

static void print_output(const edgec_tensor_desc *t, const void *data) {
  char type[512];
  size_t n = (size_t)edgec_tensor_num_elements(t);
  printf("%s %s:", or_unknown(t->name), desc_type(type, sizeof type, t));
  for (size_t i = 0; i < n && i < 8; ++i)
    print_value(t->dtype, data, i);
  printf(n > 8 ? " ...\n" : "\n");
  double lo = INFINITY, hi = -INFINITY, sum = 0;
  size_t nans = 0;
  for (size_t i = 0; i < n; ++i) {
    double v = value_at(t->dtype, data, i);
    if (isnan(v)) {
      ++nans;
      continue;
    }
    lo = v < lo ? v : lo;
    hi = v > hi ? v : hi;
    sum += v;
  }
  if (n > nans)
    printf("  min %.6g max %.6g mean %.6g", lo, hi, sum / (double)(n - nans));
  else
    printf("  (no numbers)");
  if (nans)
    printf(", %zu NaN", nans);
  printf("\n");
}

static void print_json_string(const char *s) {
  putchar('"');
  for (; *s; ++s) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\')
      printf("\\%c", c);
    else if (c < 0x20)
      printf("\\u%04x", c);
    else
      putchar(c);
  }
  putchar('"');
}

int main(int argc, char **argv) {
  const edgec_model_desc *d = &edgec_runner_model;
  options o = {0};
  parse_options(argc, argv, &o);
  /* Before anything else reads the description, whose layout may differ. */
  if (d->abi_version != EDGEC_ABI_VERSION)
    die("model was compiled for runtime ABI %u, this runner has ABI %u",
        (unsigned)d->abi_version, (unsigned)EDGEC_ABI_VERSION);
  if (o.info) {
    print_info(d);
    free(o.inputs);
    return 0;
  }

  edgec_npy *inputs = calloc(d->num_inputs + 1u, sizeof *inputs);
  const void **in_ptrs = calloc(d->num_inputs + 1u, sizeof *in_ptrs);
  void **outputs = calloc(d->num_outputs + 1u, sizeof *outputs);
  double *times = calloc((size_t)o.repeat, sizeof *times);
  if (!inputs || !in_ptrs || !outputs || !times)
    die("out of memory");
  load_inputs(d, &o, inputs);
  for (uint32_t i = 0; i < d->num_inputs; ++i)
    in_ptrs[i] = inputs[i].data;
  for (uint32_t i = 0; i < d->num_outputs; ++i) {
    if (edgec_tensor_num_elements(&d->outputs[i]) < 0 ||
        !edgec_dtype_size(d->outputs[i].dtype))
      die("invalid model description: output '%s' has a bad dtype or shape",
          or_unknown(d->outputs[i].name));
    outputs[i] = xalloc(edgec_tensor_num_bytes(&d->outputs[i]));
  }

  edgec_model *model = create_model(d, o.weights);
  if (o.threads > 1024 ||
      edgec_model_set_num_threads(model, (int)o.threads) != EDGEC_OK)
    die("cannot start %ld threads", o.threads);
  for (long i = 0; i < o.warmup + o.repeat; ++i) {
    double start = now_ms();
    edgec_status status = edgec_model_run(model, in_ptrs, outputs);
    if (status != EDGEC_OK)
      die("inference failed: %s", edgec_status_string(status));
    if (i >= o.warmup)
      times[i - o.warmup] = now_ms() - start;
  }

  char **files = NULL;
  if (o.output_dir) {
    char err[1024];
    make_dirs(o.output_dir);
    files = output_files(d, o.output_dir);
    for (uint32_t i = 0; i < d->num_outputs; ++i) {
      const edgec_tensor_desc *t = &d->outputs[i];
      if (edgec_npy_write(files[i], t->dtype, t->rank, t->shape, outputs[i],
                          err, sizeof err) != 0)
        die("output '%s': %s", or_unknown(t->name), err);
    }
  }

  double sum = 0;
  for (long i = 0; i < o.repeat; ++i)
    sum += times[i];
  double mean = sum / (double)o.repeat;
  qsort(times, (size_t)o.repeat, sizeof *times, compare_double);
  double min = times[0],
         median = o.repeat % 2
                      ? times[o.repeat / 2]
                      : (times[o.repeat / 2 - 1] + times[o.repeat / 2]) / 2;

  if (o.json) {
    printf("{\"median_ms\":%.6f,\"min_ms\":%.6f,\"mean_ms\":%.6f,\"runs\":%ld,"
           "\"outputs\":[",
           median, min, mean, o.repeat);
    for (uint32_t i = 0; i < d->num_outputs; ++i) {
      const edgec_tensor_desc *t = &d->outputs[i];
      printf("%s{\"name\":", i ? "," : "");
      print_json_string(or_unknown(t->name));
      printf(",\"dtype\":\"%s\",\"shape\":[", edgec_dtype_name(t->dtype));
      for (int32_t k = 0; k < t->rank; ++k)
        printf("%s%lld", k ? "," : "", (long long)t->shape[k]);
      printf("],\"file\":");
      if (files)
        print_json_string(files[i]);
      else
        printf("null");
      printf("}");
    }
    printf("]}\n");
  } else {
    for (uint32_t i = 0; i < d->num_outputs; ++i) {
      if (o.print)
        print_output(&d->outputs[i], outputs[i]);
      if (files)
        printf("wrote %s\n", files[i]);
    }
    printf("latency: median %.3f ms, min %.3f ms over %ld runs\n", median, min,
           o.repeat);
  }
  if (fflush(stdout) != 0)
    die("cannot write to stdout: %s", strerror(errno));

  edgec_model_destroy(model);
  for (uint32_t i = 0; i < d->num_inputs; ++i)
    edgec_npy_free(&inputs[i]);
  for (uint32_t i = 0; i < d->num_outputs; ++i) {
    free(outputs[i]);
    if (files)
      free(files[i]);
  }
  free(files);
  free(inputs);
  free(in_ptrs);
  free(outputs);
  free(times);
  free(o.inputs);
  return 0;
}
