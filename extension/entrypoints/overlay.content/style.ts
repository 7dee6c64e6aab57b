/** Styles of the overlay; they live inside the shadow root, so the site's CSS cannot reach them (nor they it). */
export const OVERLAY_CSS = `
:host { all: initial; }
.layer, .banner-slot, .pill-slot {
  position: fixed; left: 0; top: 0; width: 0; height: 0; overflow: visible; pointer-events: none;
  font-family: "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
}
.layer { z-index: 2147483646; }
.banner-slot, .pill-slot { z-index: 2147483647; }
.badge {
  position: fixed; box-sizing: border-box; pointer-events: auto; cursor: help;
  font-size: 12px; line-height: 14px; height: 18px; padding: 0 5px; border-radius: 9px;
  white-space: nowrap; font-weight: 600; letter-spacing: 0;
  color: #fff; background: #6b7280; border: 2px solid #fff;
  /* A white ring and a dark halo keep the badge apart from any site colour (red menus are common). */
  box-shadow: 0 0 0 1px rgba(0,0,0,.45), 0 1px 3px rgba(0,0,0,.4);
}
.badge.compact { width: 10px; height: 10px; padding: 0; border-radius: 5px; font-size: 0; line-height: 0; }
.badge[data-state="present"] { background: #15803d; }
.badge[data-state="stale"] { background: #b91c1c; }
.badge[data-state="due-soon"] { background: #b45309; }
.badge[data-state="empty"] { background: #7c3aed; }
.badge[data-state="unknown"], .badge[data-state="not-visited"] { background: #4b5563; }
.badge.hidden, .box.hidden { display: none; }
.box {
  position: fixed; box-sizing: border-box; pointer-events: none;
  border: 2px dashed rgba(37, 99, 235, .85); border-radius: 3px;
}
.box.newest { border-style: solid; border-color: rgba(22, 163, 74, .95); }
.box.flash { border: 3px solid #f59e0b; background: rgba(245, 158, 11, .18); animation: flash 0.5s ease-in-out 4 alternate; }
@keyframes flash { from { opacity: 1; } to { opacity: .15; } }
.banner {
  position: fixed; left: 0; top: 0; width: 300px; max-height: 60vh; overflow: auto; pointer-events: auto;
  box-sizing: border-box; background: #fff; color: #111827; border: 1px solid #d1d5db; border-radius: 8px;
  box-shadow: 0 6px 20px rgba(0,0,0,.18); font-size: 13px; line-height: 1.5;
}
.banner.collapsed { width: auto; max-width: 300px; }
.banner.folded { width: auto; max-width: 300px; }
.banner.folded .body { display: none; }
.banner.folded header { border-radius: 7px; }
.banner header {
  display: flex; align-items: center; gap: 6px; padding: 6px 8px; background: #1e3a8a; color: #fff;
  border-radius: 7px 7px 0 0; font-weight: 600; cursor: pointer; user-select: none;
}
.banner.collapsed header { border-radius: 7px; }
.banner header .title { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.banner header button {
  all: unset; cursor: pointer; font-size: 12px; padding: 0 4px; border-radius: 3px; background: rgba(255,255,255,.15);
}
.banner .body { padding: 8px 10px; }
.banner.collapsed .body { display: none; }
.banner dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; }
.banner dt { color: #6b7280; }
.banner dd { margin: 0; overflow-wrap: anywhere; }
.banner .rules { margin: 6px 0 0; padding: 0; list-style: none; }
.banner .rules li { margin: 4px 0; padding: 4px 6px; background: #f9fafb; border-radius: 4px; }
.chip { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; font-weight: 600; color: #fff; background: #4b5563; }
.chip[data-state="present"], .chip[data-outcome="pass"] { background: #15803d; }
.chip[data-state="stale"], .chip[data-state="missing"], .chip[data-outcome="fail"] { background: #b91c1c; }
.chip[data-state="due-soon"], .chip[data-outcome="warn"] { background: #b45309; }
.chip[data-state="empty"] { background: #7c3aed; }
.banner .hint { margin-top: 6px; color: #374151; font-size: 12px; }
.pill {
  position: fixed; left: 12px; bottom: 12px; pointer-events: auto; display: flex; flex-wrap: wrap; align-items: center; gap: 3px;
  max-width: calc(100vw - 24px); padding: 3px 6px; background: #fff; color: #111827; border: 1px solid #9ca3af; border-radius: 14px;
  box-shadow: 0 2px 8px rgba(0,0,0,.2); font-size: 13px; line-height: 20px;
}
.pill .pill-title { font-weight: 700; color: #1e3a8a; margin-right: 2px; }
.pill button {
  all: unset; cursor: pointer; padding: 0 7px; border-radius: 10px; font-size: 13px; color: #111827; background: #f3f4f6;
}
.pill button b { font-variant-numeric: tabular-nums; }
.pill button[data-bucket="missing"] b, .pill button[data-bucket="stale"] b { color: #b91c1c; }
.pill button[data-bucket="due-soon"] b { color: #b45309; }
.pill button[data-bucket="empty"] b { color: #6d28d9; }
.pill button[data-bucket="present"] b { color: #15803d; }
.pill button.on { background: #1e3a8a; color: #fff; }
.pill button.on b { color: #fff; }
.pill button:focus-visible, .banner header button:focus-visible { outline: 2px solid #2563eb; }
`;
