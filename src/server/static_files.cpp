// [SECTION] Static files: the built app at /. No listings, no traversal, gzip cached.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "server/app.h"
#include "server/http_util.h"

namespace zygc::server {

namespace fs = std::filesystem;

std::string mime_type_for(const std::string& path) {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"},
        {".htm", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".map", "application/json"},
        {".wasm", "application/wasm"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".webp", "image/webp"},
        {".gif", "image/gif"},
        {".ico", "image/x-icon"},
        {".webmanifest", "application/manifest+json"},
        {".txt", "text/plain; charset=utf-8"},
        {".woff2", "font/woff2"},
        {".xml", "application/xml"},
    };
    auto dot = path.rfind('.');
    auto slash = path.rfind('/');
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
        std::string ext = path.substr(dot);
        for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        auto it = types.find(ext);
        if (it != types.end()) return it->second;
    }
    return "application/octet-stream";
}

namespace {

struct Cached {
    int64_t mtime_ns = 0;
    int64_t size = -1;
    std::shared_ptr<const std::string> body, gz;
    std::string etag;
};

std::mutex g_cache_mutex;
std::map<std::string, Cached> g_cache;

void plain(httplib::Response& res, int status, const char* text) {
    res.status = status;
    res.set_header("Cache-Control", "no-cache");
    res.set_content(text, "text/plain; charset=utf-8");
}

}  // namespace

void serve_static(const httplib::Request& req, httplib::Response& res, const std::string& root) {
    // req.path is already percent-decoded: check the decoded segments.
    std::string rel;
    std::string_view p = req.path;
    if (p.empty() || p.front() != '/') return plain(res, 404, "Not Found");
    bool dir_request = p.back() == '/';
    while (!p.empty()) {
        size_t start = p.find_first_not_of('/');
        if (start == std::string_view::npos) break;
        p.remove_prefix(start);
        size_t end = p.find('/');
        std::string_view seg = p.substr(0, end);
        if (seg == "." || seg == ".." || seg.front() == '.' ||
            seg.find_first_of(std::string_view("\\\0:", 3)) != std::string_view::npos)
            return plain(res, 404, "Not Found");
        rel += rel.empty() ? "" : "/";
        rel += seg;
        if (end == std::string_view::npos) break;
        p.remove_prefix(end);
    }
    std::error_code ec;
    fs::path base = fs::canonical(root, ec);
    if (ec) return plain(res, 404, "Not Found");
    fs::path file = rel.empty() ? base : base / rel;
    if (dir_request || fs::is_directory(file, ec)) file /= "index.html";
    fs::path real = fs::canonical(file, ec);
    if (ec || !fs::is_regular_file(real, ec)) return plain(res, 404, "Not Found");
    auto [bi, ri] = std::mismatch(base.begin(), base.end(), real.begin(), real.end());
    if (bi != base.end()) return plain(res, 404, "Not Found");  // symlink out of the root

    struct stat st {};
    if (::stat(real.c_str(), &st) != 0) return plain(res, 404, "Not Found");
    int64_t mtime = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    const std::string type = mime_type_for(real.string());

    Cached entry;
    {
        std::lock_guard lock(g_cache_mutex);
        auto it = g_cache.find(real.string());
        if (it != g_cache.end() && it->second.mtime_ns == mtime && it->second.size == st.st_size)
            entry = it->second;
    }
    if (!entry.body) {
        std::ifstream in(real, std::ios::binary);
        if (!in) return plain(res, 404, "Not Found");
        std::stringstream ss;
        ss << in.rdbuf();
        auto body = std::make_shared<const std::string>(ss.str());
        entry.mtime_ns = mtime;
        entry.size = st.st_size;
        entry.body = body;
        entry.etag = etag_for(*body);
        if (compressible_type(type) && body->size() >= 256) {
            std::string z = gzip_compress(*body);
            if (!z.empty() && z.size() < body->size())
                entry.gz = std::make_shared<const std::string>(std::move(z));
        }
        std::lock_guard lock(g_cache_mutex);
        g_cache[real.string()] = entry;
    }
    send_prepared(req, res, entry.body, entry.gz, entry.etag, type);
}

}  // namespace zygc::server
