#ifndef TASKGATE_CCURL_SHIM_H
#define TASKGATE_CCURL_SHIM_H

#include <curl/curl.h>

// Fixed-arity wrappers around libcurl's variadic calls, which Swift cannot call directly.

typedef size_t (*tg_curl_write_callback)(char *data, size_t size, size_t count, void *user);
typedef size_t (*tg_curl_read_callback)(char *data, size_t size, size_t count, void *user);

static inline CURLcode tg_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tg_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tg_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tg_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tg_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tg_easy_setopt_write_function(CURL *handle, CURLoption option, tg_curl_write_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tg_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode tg_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode tg_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

static inline long tg_curl_global_all(void) { return CURL_GLOBAL_ALL; }

#endif
