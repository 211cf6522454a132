#include "core/images.h"

#include <algorithm>

namespace zygc::images {
namespace {

size_t entry_bytes(const ImageEntry& e) { return size_t(e.w) * size_t(e.h) * 4; }

int count(const ImagesSlice& s, ImageStatus st) {
    int n = 0;
    for (const auto& [url, e] : s.images) n += e.status == st;
    return n;
}

// Start waiting pictures while fewer than kMaxLoading are on their way, most recently asked first.
void start_waiting(ImagesSlice& s, Effects& out) {
    int loading = count(s, ImageStatus::Loading);
    while (loading < kMaxLoading) {
        auto best = s.images.end();
        for (auto it = s.images.begin(); it != s.images.end(); ++it)
            if (it->second.status == ImageStatus::Wanted && (best == s.images.end() || it->second.used > best->second.used))
                best = it;
        if (best == s.images.end()) return;
        best->second.status = ImageStatus::Loading;
        out.push_back(LoadImage{best->first});
        ++loading;
    }
}

// Let go of the least recently drawn textures beyond the bound. A picture asked for since the
// clock last moved is on screen: it stays even over the bound (letting it go would only load
// it again next frame).
void bound(ImagesSlice& s, Effects& out) {
    for (;;) {
        size_t kept = 0;
        for (const auto& [url, e] : s.images) kept += e.status == ImageStatus::Ready;
        if (kept <= kMaxTextures && bytes_kept(s) <= kMaxBytes) return;
        auto oldest = s.images.end();
        for (auto it = s.images.begin(); it != s.images.end(); ++it)
            if (it->second.status == ImageStatus::Ready && it->second.used < s.image_clock &&
                (oldest == s.images.end() || it->second.used < oldest->second.used))
                oldest = it;
        if (oldest == s.images.end()) return;
        out.push_back(FreeImage{oldest->first, oldest->second.texture});
        s.images.erase(oldest);
    }
}

}  // namespace

int pick_width(const std::vector<int>& widths, float drawn_px, float dpr) {
    if (widths.empty()) return 0;
    // drawn_px is in device pixels at `dpr`; past kMaxDpr only kMaxDpr of them count.
    const float need = dpr > kMaxDpr ? drawn_px * (kMaxDpr / dpr) : drawn_px;
    int best = 0, widest = 0;
    for (int w : widths) {
        widest = std::max(widest, w);
        if (w >= need && (best == 0 || w < best)) best = w;
    }
    return best ? best : widest;
}

std::string variant_url(const std::string& url, const std::vector<int>& widths, float drawn_px, float dpr) {
    const int w = pick_width(widths, drawn_px, dpr);
    if (w <= 0 || url.empty()) return url;
    const size_t slash = url.find_last_of('/');
    const size_t dot = url.find_last_of('.');
    const std::string suffix = "-" + std::to_string(w);
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return url + suffix;
    return url.substr(0, dot) + suffix + url.substr(dot);
}

const ImageEntry* find(const ImagesSlice& s, const std::string& url) {
    auto it = s.images.find(url);
    return it == s.images.end() ? nullptr : &it->second;
}

bool should_want(const ImagesSlice& s, const std::string& url) {
    if (url.empty()) return false;
    const ImageEntry* e = find(s, url);
    return !e || e->used < s.image_clock;
}

size_t bytes_kept(const ImagesSlice& s) {
    size_t n = 0;
    for (const auto& [url, e] : s.images)
        if (e.status == ImageStatus::Ready) n += entry_bytes(e);
    return n;
}

void update(ImagesSlice& s, const WantImage& a, Effects& out) {
    if (a.url.empty()) return;
    auto it = s.images.find(a.url);
    if (it != s.images.end()) {  // kept or on its way: drawn now
        it->second.used = s.image_clock;
        return;
    }
    ++s.image_clock;
    ImageEntry& e = s.images[a.url];
    e.used = s.image_clock;
    start_waiting(s, out);
}

void update(ImagesSlice& s, const ImageLoaded& a, Effects& out) {
    auto it = s.images.find(a.url);
    if (it == s.images.end() || it->second.status != ImageStatus::Loading) {
        // Nobody waits for it (let go meanwhile): the texture goes straight back.
        if (a.texture) out.push_back(FreeImage{a.url, a.texture});
        start_waiting(s, out);
        return;
    }
    ImageEntry& e = it->second;
    e.status = ImageStatus::Ready;
    e.texture = a.texture;
    e.w = a.w;
    e.h = a.h;
    bound(s, out);
    start_waiting(s, out);
}

void update(ImagesSlice& s, const ImageFailed& a, Effects& out) {
    auto it = s.images.find(a.url);
    // A failed picture stays failed for the visit (its placeholder stays): a missing file
    // would fail again, and asking every frame would only load the network.
    if (it != s.images.end() && it->second.status == ImageStatus::Loading) it->second.status = ImageStatus::Failed;
    start_waiting(s, out);
}

}  // namespace zygc::images
