// The 志愿服务记录证明 as a PNG (src/platform/web/save_image.cpp loads this file on the
// first SaveImage{"certificate"}). Drawn on a 2D canvas at 2× with the system's CJK fonts;
// the QR matrix comes from C++ (core/qr.h), not from a JS library. Inside WeChat the PNG is
// shown full screen to long-press and save; elsewhere it downloads. Either way the last
// PNG stays in window.zygc.lastImage (a data URL).
//   window.zygcCertificate.save(cert, fileName, {size, bits})   cert: GET /me/certificate
//   window.zygcCertificate.render(cert, {size, bits})           → canvas (no saving)
(function () {
  'use strict';
  var SCALE = 2;           // device pixels per layout pixel: sharp on phones and in print
  var W = 750;             // layout width (px)
  var PAD = 56;
  var RED = '#b3261e', INK = '#1f1f1f', MUTED = '#666', PAPER = '#fffdf7', LINE = '#d9c7a3';
  var FONT = '"Noto Serif CJK SC","Noto Sans CJK SC","Source Han Serif SC","PingFang SC","Microsoft YaHei",serif';
  var SANS = '"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif';

  function hours(min) {
    min = Math.max(0, Math.round(min || 0));
    var h = Math.floor(min / 60), m = min % 60;
    return m ? h + ' 小时 ' + m + ' 分钟' : h + ' 小时';
  }

  // "2026-11-30" (or an RFC 3339 time) → "2026年11月30日", as a document writes it.
  function cnDate(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s || '');
    return m ? m[1] + '年' + (+m[2]) + '月' + (+m[3]) + '日' : (s || '');
  }

  // Lines of `text` that fit `width` at the context's current font (CJK breaks anywhere).
  function wrap(g, text, width) {
    var lines = [], line = '';
    Array.from(String(text)).forEach(function (ch) {
      if (g.measureText(line + ch).width > width && line) { lines.push(line); line = ch; }
      else line += ch;
    });
    if (line) lines.push(line);
    return lines;
  }

  // Draw list: a first pass measures the height, the second draws.
  function layout(g, cert, qr, draw) {
    var y = PAD + 40;
    var text = function (s, x, size, opts) {
      opts = opts || {};
      g.font = (opts.bold ? '700 ' : '400 ') + size + 'px ' + (opts.sans ? SANS : FONT);
      g.fillStyle = opts.color || INK;
      g.textAlign = opts.align || 'left';
      var lines = opts.width ? wrap(g, s, opts.width) : [String(s)];
      lines.forEach(function (l, i) { if (draw) g.fillText(l, x, y + i * size * 1.5); });
      return lines.length * size * 1.5;
    };
    // Title
    y += text('志愿服务记录证明', W / 2, 40, {bold: true, color: RED, align: 'center'});
    y += 8;
    if (draw) { g.fillStyle = RED; g.fillRect(W / 2 - 120, y - 20, 240, 3); }
    y += 24;
    y += text('姓名：' + (cert.name || ''), PAD, 22);
    y += text('身份证号：' + (cert.id_masked || ''), PAD, 22);
    y += 8;
    y += text('兹证明 ' + (cert.name || '') + ' 在以下组织参加志愿服务，经组织单位记录并认定，累计服务时长 ' +
              hours(cert.total_minutes) + '。', PAD, 20, {width: W - 2 * PAD});
    y += 16;
    (cert.organisations || []).forEach(function (org) {
      var team = (org.team && org.team.name) || '';
      if (draw) { g.fillStyle = '#f6efe0'; g.fillRect(PAD - 8, y - 26, W - 2 * PAD + 16, 40); }
      y += text(team + '　' + hours(org.minutes), PAD, 21, {bold: true, width: W - 2 * PAD});
      y += 6;
      (org.projects || []).forEach(function (p) {
        var dates = cnDate(p.first_date) + (p.first_date === p.last_date ? '' : ' 至 ' + cnDate(p.last_date));
        y += text('· ' + (p.title || ''), PAD + 12, 19, {width: W - 2 * PAD - 12});
        y += text(dates + '　' + hours(p.minutes) + '　' + (p.records || 0) + ' 次', PAD + 32, 16,
                  {color: MUTED, sans: true});
        y += 4;
      });
      y += 12;
    });
    if (draw) { g.fillStyle = LINE; g.fillRect(PAD, y - 14, W - 2 * PAD, 1); }
    y += 10;
    y += text('累计服务时长：' + hours(cert.total_minutes), PAD, 22, {bold: true});
    y += 12;
    // QR (right) beside issue date and serial (left)
    var side = 0, top = y;
    if (qr && qr.size > 0) {
      var total = qr.size + 8;                       // 4 modules of quiet zone each side
      var module = Math.max(3, Math.floor(190 / total));
      side = module * total;
      var x0 = W - PAD - side;
      if (draw) {
        g.fillStyle = '#fff';
        g.fillRect(x0, top, side, side);
        g.fillStyle = '#000';
        for (var r = 0; r < qr.size; r++)
          for (var c = 0; c < qr.size; c++)
            if (qr.bits.charCodeAt(r * qr.size + c) === 49)
              g.fillRect(x0 + (c + 4) * module, top + (r + 4) * module, module, module);
        g.font = '400 14px ' + SANS; g.fillStyle = MUTED; g.textAlign = 'center';
        g.fillText('扫码核验真伪', x0 + side / 2, top + side + 20);
      }
    }
    y += 20;
    y += text('出具日期：' + cnDate(cert.issued_on), PAD, 18, {sans: true});
    y += text('证明编号：' + (cert.serial || ''), PAD, 18, {sans: true});
    y += text('核验：' + (cert.qr_payload || cert.verify_url || ''), PAD, 14, {sans: true, color: MUTED, width: W - 2 * PAD - side - 16});
    y = Math.max(y, top + side + 40) + PAD;
    return y;
  }

  function render(cert, qr) {
    var probe = document.createElement('canvas').getContext('2d');
    var h = Math.ceil(layout(probe, cert, qr, false));
    var canvas = document.createElement('canvas');
    canvas.width = W * SCALE;
    canvas.height = h * SCALE;
    var g = canvas.getContext('2d');
    g.scale(SCALE, SCALE);
    g.fillStyle = PAPER;
    g.fillRect(0, 0, W, h);
    g.strokeStyle = RED; g.lineWidth = 4; g.strokeRect(16, 16, W - 32, h - 32);
    g.strokeStyle = LINE; g.lineWidth = 1; g.strokeRect(24, 24, W - 48, h - 48);
    layout(g, cert, qr, true);
    return canvas;
  }

  function inWeChat() { return /MicroMessenger/i.test(navigator.userAgent || ''); }

  function showForLongPress(url) {
    var old = document.getElementById('zygc-image');
    if (old) old.remove();
    var en = (document.documentElement.lang || '').indexOf('en') === 0;
    var root = document.createElement('div');
    root.id = 'zygc-image';
    root.setAttribute('role', 'dialog');
    root.style.cssText = 'position:fixed;inset:0;z-index:20;background:rgba(0,0,0,.88);overflow:auto;' +
      'display:flex;flex-direction:column;align-items:center;padding:16px 12px calc(16px + env(safe-area-inset-bottom,0px));' +
      'box-sizing:border-box;font:16px/1.5 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;color:#fff;';
    var hint = document.createElement('div');
    hint.textContent = en ? 'Press and hold the picture to save it' : '长按图片保存';
    hint.style.cssText = 'margin:4px 0 12px;font-size:17px;';
    var img = document.createElement('img');
    img.src = url;
    img.alt = en ? 'Volunteer service certificate' : '志愿服务记录证明';
    img.style.cssText = 'width:100%;max-width:520px;height:auto;-webkit-touch-callout:default;user-select:auto;';
    var close = document.createElement('button');
    close.textContent = en ? 'Close' : '关闭';
    close.style.cssText = 'margin-top:16px;min-width:160px;min-height:48px;border:0;border-radius:24px;font:inherit;';
    close.addEventListener('click', function () { root.remove(); });
    root.appendChild(hint); root.appendChild(img); root.appendChild(close);
    document.body.appendChild(root);
  }

  function download(url, name) {
    var a = document.createElement('a');
    a.href = url;
    a.download = name || 'certificate.png';
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function save(cert, name, qr) {
    var url = render(cert, qr).toDataURL('image/png');
    window.zygc = window.zygc || {};
    window.zygc.lastImage = url;
    if (inWeChat()) showForLongPress(url);
    else download(url, name);
    return url;
  }

  window.zygcCertificate = {save: save, render: render};
})();
