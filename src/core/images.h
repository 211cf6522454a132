// Images (issue 10): the pictures the views draw (brand covers and banners), by URL. A view
// asks for one when it is about to draw it (WantImage: lazy, only what is laid out); the
// store asks the platform to load it (LoadImage: fetch → createImageBitmap → a GL texture)
// and keeps what came back (ImageLoaded / ImageFailed). A bound on the textures kept: beyond
// kMaxTextures or kMaxBytes the least recently drawn are let go (FreeImage: the platform
// deletes the texture); one drawn again is loaded again (from the browser's HTTP cache).
// Width variants: a picture offered in several widths is asked for in the narrowest that
// covers the drawn width in device pixels, so a phone never downloads a desktop image.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/device.h"
#include "core/request.h"

namespace zygc {

enum class ImageStatus { Wanted, Loading, Ready, Failed };

struct ImageEntry {
    ImageStatus status = ImageStatus::Wanted;
    uint32_t texture = 0;  // the platform's texture (GL name), Ready only
    int w = 0, h = 0;      // pixels of the decoded picture
    uint64_t used = 0;     // the images clock when a view last asked for it
};

struct ImagesSlice {
    std::map<std::string, ImageEntry> images;  // by URL (the variant asked for)
    // Moves when a view asks for a picture not kept yet. A view asks again for a picture it
    // draws when its `used` is behind the clock (once per move, not every frame), so the
    // pictures on screen are always the most recently used.
    uint64_t image_clock = 0;
};

namespace images {

constexpr size_t kMaxTextures = 32;              // decoded pictures kept
constexpr size_t kMaxBytes = 48u * 1024 * 1024;  // their RGBA bytes
constexpr int kMaxLoading = 4;                   // fetched at once; the rest wait (Wanted)
constexpr float kMaxDpr = 2;  // beyond 2× a picture looks no sharper on a phone; it only weighs more

// The width to ask for: the narrowest of `widths` (ascending or not) ≥ the drawn width in
// device pixels (`drawn_px`, at a devicePixelRatio of `dpr`, counted up to kMaxDpr); the
// widest when none is. 0 when there are no widths.
int pick_width(const std::vector<int>& widths, float drawn_px, float dpr);
// The URL of that variant: "-<width>" before the file's extension (/img/brands/a.png →
// /img/brands/a-480.png); the URL itself when there are no widths.
std::string variant_url(const std::string& url, const std::vector<int>& widths, float drawn_px, float dpr);

// What a view knows: the picture's entry (nullptr: not asked for, or let go).
const ImageEntry* find(const ImagesSlice& s, const std::string& url);
// Whether a view drawing `url` should dispatch WantImage now: not kept, or not asked for
// since the clock moved.
bool should_want(const ImagesSlice& s, const std::string& url);
// Bytes of the textures kept.
size_t bytes_kept(const ImagesSlice& s);

void update(ImagesSlice& s, const WantImage& a, Effects& out);
void update(ImagesSlice& s, const ImageLoaded& a, Effects& out);
void update(ImagesSlice& s, const ImageFailed& a, Effects& out);

}  // namespace images
}  // namespace zygc
