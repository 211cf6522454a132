// Answers kept ready to send again (versioned.h). A catalogue answer is a function of its URL
// and the catalogue's data version (routes_catalog.cpp: version_tag), the dashboard's of the
// catalogue's and the statistics' versions, so its ETag names it exactly: the same tag, the
// same bytes. The hot reads of a city (the first page of the list, popular searches, a
// popular project, /stats/city, the dashboard) then cost a row read (the version) and a copy
// instead of queries, JSON and gzip. Entries of an older version are never asked for again;
// the cache is emptied when it reaches its bound.
#pragma once
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <httplib.h>

namespace zygc::server {

class AnswerCache {
public:
    // Bounds: entries and bytes of bodies (a page of 100 projects is ~60 KB).
    explicit AnswerCache(size_t max_entries = 4096, size_t max_bytes = 48u << 20)
        : max_entries_(max_entries), max_bytes_(max_bytes) {}

    // Fills res from the answer kept for (tag, gzip) and returns true; false when none is kept.
    bool serve(const std::string& tag, bool gzip, httplib::Response& res);
    // Keeps res (a 200 whose ETag is derived from tag) for later requests.
    void keep(const std::string& tag, bool gzip, const httplib::Response& res);

    size_t entries();  // for tests

private:
    struct Answer {
        std::vector<std::pair<std::string, std::string>> headers;
        std::string body;
    };
    std::mutex mu_;
    std::unordered_map<std::string, std::shared_ptr<const Answer>> answers_;
    size_t bytes_ = 0;
    size_t max_entries_, max_bytes_;
};

}  // namespace zygc::server
