// SaveImage (core/device.h): renders an image from JSON and offers it to the user. Kind
// "certificate": the 志愿服务记录证明 (GET /me/certificate's Certificate) drawn on a 2D
// canvas by shell/zygc-certificate.js (loaded on first use), with the QR of its qr_payload
// encoded here (core/qr.h). Inside WeChat the PNG is shown full screen to long-press;
// elsewhere it downloads as file_name. The last PNG stays in window.zygc.lastImage.
#pragma once
#include "core/request.h"

namespace zygc::web::save_image {

// Performs SaveImage; false for any other effect (or an unknown kind).
bool handle(const Effect& effect);

}  // namespace zygc::web::save_image
