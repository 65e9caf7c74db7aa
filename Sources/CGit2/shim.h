#include <git2.h>

/* Swift cannot call C variadic functions, so the git_libgit2_opts calls the
 * tool needs are wrapped here. */

/* libgit2 caches only trees up to 4 KiB by default; a postmortems folder of
 * a thousand files is a 60 KiB tree that the history walk loads twice per
 * commit (as the commit's tree and as its child's parent tree). */
static inline int postmortem_git_set_tree_cache_limit(size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, bytes);
}
