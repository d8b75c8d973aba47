/*
 * A fork-join pool: the caller and threads-1 workers each take one
 * contiguous chunk of a parallel loop. Workers sleep on a condition
 * variable between loops; a generation counter tells them a new loop has
 * been posted.
 */
#define _POSIX_C_SOURCE 200809L

#include "thread_pool.h"

#include <pthread.h>
#include <stdlib.h>

struct edgec_pool {
  int threads;
  pthread_t *workers;
  pthread_mutex_t lock;
  pthread_cond_t wake, done;
  unsigned long generation;
  int remaining; /* workers still running the current loop */
  int stop;
  int busy; /* a loop is running: nested loops run inline */
  edgec_task_fn fn;
  void *context;
  int64_t count;
};

typedef struct worker_arg {
  edgec_pool *pool;
  int index; /* 1 .. threads-1; the caller is 0 */
} worker_arg;

static _Thread_local edgec_pool *current_pool;

static void run_chunk(edgec_pool *pool, int index) {
  int64_t begin = pool->count * index / pool->threads;
  int64_t end = pool->count * (index + 1) / pool->threads;
  if (begin < end)
    pool->fn(pool->context, begin, end);
}

static void *worker_main(void *p) {
  worker_arg *arg = p;
  edgec_pool *pool = arg->pool;
  int index = arg->index;
  free(arg);
  unsigned long seen = 0;
  pthread_mutex_lock(&pool->lock);
  for (;;) {
    while (pool->generation == seen && !pool->stop)
      pthread_cond_wait(&pool->wake, &pool->lock);
    if (pool->stop)
      break;
    seen = pool->generation;
    pthread_mutex_unlock(&pool->lock);
    run_chunk(pool, index);
    pthread_mutex_lock(&pool->lock);
    if (--pool->remaining == 0)
      pthread_cond_signal(&pool->done);
  }
  pthread_mutex_unlock(&pool->lock);
  return NULL;
}

edgec_pool *edgec_pool_create(int threads) {
  if (threads < 1)
    return NULL;
  edgec_pool *pool = calloc(1, sizeof *pool);
  if (!pool)
    return NULL;
  pool->threads = threads;
  pthread_mutex_init(&pool->lock, NULL);
  pthread_cond_init(&pool->wake, NULL);
  pthread_cond_init(&pool->done, NULL);
  if (threads > 1) {
    pool->workers = calloc((size_t)threads - 1, sizeof *pool->workers);
    if (!pool->workers) {
      edgec_pool_destroy(pool);
      return NULL;
    }
  }
  for (int i = 1; i < threads; ++i) {
    worker_arg *arg = malloc(sizeof *arg);
    if (!arg) {
      pool->threads = i;
      edgec_pool_destroy(pool);
      return NULL;
    }
    arg->pool = pool;
    arg->index = i;
    if (pthread_create(&pool->workers[i - 1], NULL, worker_main, arg) != 0) {
      free(arg);
      pool->threads = i;
      edgec_pool_destroy(pool);
      return NULL;
    }
  }
  return pool;
}

void edgec_pool_destroy(edgec_pool *pool) {
  if (!pool)
    return;
  pthread_mutex_lock(&pool->lock);
  pool->stop = 1;
  pthread_cond_broadcast(&pool->wake);
  pthread_mutex_unlock(&pool->lock);
  for (int i = 1; i < pool->threads; ++i)
    pthread_join(pool->workers[i - 1], NULL);
  pthread_cond_destroy(&pool->wake);
  pthread_cond_destroy(&pool->done);
  pthread_mutex_destroy(&pool->lock);
  free(pool->workers);
  free(pool);
}

int edgec_pool_threads(const edgec_pool *pool) {
  return pool ? pool->threads : 1;
}

edgec_pool *edgec_pool_enter(edgec_pool *pool) {
  edgec_pool *previous = current_pool;
  current_pool = pool;
  return previous;
}

void edgec_parallel_for(int64_t count, edgec_task_fn fn, void *context) {
  edgec_pool *pool = current_pool;
  if (count <= 0)
    return;
  if (!pool || pool->threads == 1 || count == 1 || pool->busy) {
    fn(context, 0, count);
    return;
  }
  pthread_mutex_lock(&pool->lock);
  pool->busy = 1;
  pool->fn = fn;
  pool->context = context;
  pool->count = count;
  pool->remaining = pool->threads - 1;
  ++pool->generation;
  pthread_cond_broadcast(&pool->wake);
  pthread_mutex_unlock(&pool->lock);
  run_chunk(pool, 0);
  pthread_mutex_lock(&pool->lock);
  while (pool->remaining > 0)
    pthread_cond_wait(&pool->done, &pool->lock);
  pool->busy = 0;
  pthread_mutex_unlock(&pool->lock);
}
