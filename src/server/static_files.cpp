// [SECTION] Static files: the built app at /. No listings, no traversal.
// Encodings: a precompressed sibling (NAME.br, NAME.gz, made at build time by deploy/stage.mjs)
// is sent as it is, by Accept-Encoding (br > gzip > identity); without one, compressible
// files are gzipped once and cached. Caching: content-hashed names (NAME.<16 hex>.EXT) never
// change: `public, max-age=31536000, immutable`; everything else (index.html, config.js,
// sw.js) is `no-cache`, revalidated by its ETag. A page's <link rel="preload"> elements are
// also sent as a Link header: the browser starts those downloads (the wasm) when the answer's
// headers come, before it parses the page (first-visit, issue 11: ~40 ms of a Slow-4G start).
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
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
    std::shared_ptr<const std::string> body, gz, br;
    std::string etag;
    std::string link;  // an HTML page's preloads, as a Link header (empty: none)
};

std::mutex g_cache_mutex;
std::map<std::string, Cached> g_cache;

std::shared_ptr<const std::string> read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return nullptr;
    std::stringstream ss;
    ss << in.rdbuf();
    return std::make_shared<const std::string>(ss.str());
}

// The coding is listed in Accept-Encoding (or *) with a q above 0.
bool accepts(std::string_view ae, std::string_view want) {
    while (!ae.empty()) {
        size_t comma = ae.find(',');
        std::string_view tok = ae.substr(0, comma);
        ae = comma == std::string_view::npos ? std::string_view() : ae.substr(comma + 1);
        size_t semi = tok.find(';');
        std::string_view coding = tok.substr(0, semi);
        while (!coding.empty() && coding.front() == ' ') coding.remove_prefix(1);
        while (!coding.empty() && coding.back() == ' ') coding.remove_suffix(1);
        if (coding != want && coding != "*") continue;
        if (semi == std::string_view::npos) return true;
        std::string_view q = tok.substr(semi + 1);
        size_t at = q.find("q=");
        if (at == std::string_view::npos) return true;
        q = q.substr(at + 2);
        return q.find_first_not_of("0. ") != std::string_view::npos;
    }
    return false;
}

// NAME.<16 lowercase hex>.EXT: a content-hashed file (deploy/stage.mjs).
bool hashed_name(const std::string& name) {
    size_t ext = name.rfind('.');
    if (ext == std::string::npos || ext < 17) return false;
    if (name[ext - 17] != '.') return false;
    for (size_t i = ext - 16; i < ext; ++i)
        if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'f'))) return false;
    return true;
}

// The value of an attribute inside one tag (`name="value"`), or nullopt when absent.
std::optional<std::string> attribute(std::string_view tag, std::string_view name) {
    for (size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
        const size_t end = at + name.size();
        if (at == 0 || tag[at - 1] != ' ') continue;
        if (end >= tag.size() || (tag[end] != '=' && tag[end] != ' ' && tag[end] != '>')) continue;
        if (tag[end] != '=') return std::string();  // a bare attribute: crossorigin
        if (end + 1 >= tag.size() || tag[end + 1] != '"') return std::nullopt;
        const size_t close = tag.find('"', end + 2);
        if (close == std::string_view::npos) return std::nullopt;
        return std::string(tag.substr(end + 2, close - end - 2));
    }
    return std::nullopt;
}

// `<link rel="preload" href="X" as="Y" [crossorigin]>` elements of a page as one Link header
// value (RFC 8288): `<X>; rel=preload; as=Y[; crossorigin]`, comma-separated.
std::string preload_links(std::string_view html) {
    std::string out;
    for (size_t at = html.find("<link "); at != std::string_view::npos; at = html.find("<link ", at + 1)) {
        const size_t end = html.find('>', at);
        if (end == std::string_view::npos) break;
        const std::string_view tag = html.substr(at, end - at + 1);
        const auto href = attribute(tag, "href"), as = attribute(tag, "as");
        const bool header_safe = href && as && !href->empty() && !as->empty() &&
                                 (*href + *as).find_first_of("<>\",;\r\n ") == std::string::npos;
        if (attribute(tag, "rel") != "preload" || !header_safe) continue;
        if (!out.empty()) out += ", ";
        out += "<" + *href + ">; rel=preload; as=" + *as;
        if (attribute(tag, "crossorigin")) out += "; crossorigin";
    }
    return out;
}

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
        auto body = read_file(real);
        if (!body) return plain(res, 404, "Not Found");
        entry.mtime_ns = mtime;
        entry.size = st.st_size;
        entry.body = body;
        entry.etag = etag_for(*body);
        if (type.rfind("text/html", 0) == 0) entry.link = preload_links(*body);
        // Siblings made together with the file; without them, gzip now, once.
        if (fs::is_regular_file(real.string() + ".br", ec)) entry.br = read_file(real.string() + ".br");
        if (fs::is_regular_file(real.string() + ".gz", ec)) entry.gz = read_file(real.string() + ".gz");
        if (!entry.gz && compressible_type(type) && body->size() >= 256) {
            std::string z = gzip_compress(*body);
            if (!z.empty() && z.size() < body->size())
                entry.gz = std::make_shared<const std::string>(std::move(z));
        }
        std::lock_guard lock(g_cache_mutex);
        g_cache[real.string()] = entry;
    }

    const std::string ae = req.get_header_value("Accept-Encoding");
    std::shared_ptr<const std::string> data = entry.body;
    std::string tag = entry.etag;
    const char* coding = nullptr;
    if (entry.br && accepts(ae, "br")) {
        data = entry.br;
        coding = "br";
        tag.insert(tag.size() - 1, "-br");
    } else if (entry.gz && accepts(ae, "gzip")) {
        data = entry.gz;
        coding = "gzip";
        tag.insert(tag.size() - 1, "-gzip");
    }
    res.status = 200;
    res.set_header("Cache-Control",
                   hashed_name(real.filename().string()) ? "public, max-age=31536000, immutable" : "no-cache");
    if (entry.br || entry.gz) res.set_header("Vary", "Accept-Encoding");
    if (!entry.link.empty()) res.set_header("Link", entry.link);
    res.set_header("ETag", tag);
    if (req.has_header("If-None-Match") && if_none_match_hits(req.get_header_value("If-None-Match"), tag)) {
        res.status = 304;
        return;
    }
    if (coding) res.set_header("Content-Encoding", coding);
    res.body = *data;
    res.set_header("Content-Type", type);
}

}  // namespace zygc::server
