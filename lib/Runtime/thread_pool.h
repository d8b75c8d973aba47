/*
 * The threads one model runs on. Compiled code splits its parallel loops
 * with edgec_parallel_for (edgec_runtime.h); the pool of the model being
 * run is found through a thread-local pointer that edgec_model_run sets.
 */
#ifndef EDGEC_THREAD_POOL_H
#define EDGEC_THREAD_POOL_H

#include "edgec/edgec_runtime.h"

typedef struct edgec_pool edgec_pool;

/* A pool of `threads` threads counting the caller's; NULL when out of
 * memory or threads cannot be started. */
edgec_pool *edgec_pool_create(int threads);
void edgec_pool_destroy(edgec_pool *pool);
int edgec_pool_threads(const edgec_pool *pool);

/* Makes `pool` the one edgec_parallel_for uses on this thread (NULL: run
 * sequentially); returns the previous one. */
edgec_pool *edgec_pool_enter(edgec_pool *pool);

#endif /* EDGEC_THREAD_POOL_H */
