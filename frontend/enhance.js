// Spolu's page helpers that work before the wasm arrives (and if it never does). Every page stays
// usable without this file: it only makes forms with photos quicker and cheaper on a slow line,
// adds a record button to voice-message fields and the switch for phone notifications, and
// mends three things leptos's islands router does not do when it swaps pages in place.
// Texts come from the page (data-* attributes the server rendered in the person's language).
"use strict";

// ---- Forms with photos ----------------------------------------------------------------------
// Without this file the browser posts such a form itself (see the guard in app/src/shell.rs).
// With it, photos are made small on the phone first (a 5 MB camera photo becomes ~300 KB) and
// the form is sent with a progress bar; the server answers as it does to the plain form.

const LONGEST_SIDE = 1600;
const JPEG_QUALITY = 0.8;
// Smaller photos are sent as they are: shrinking them would gain little and lose detail.
const WORTH_SHRINKING = 400 * 1024;

async function shrink(file) {
  if (!file.type.startsWith("image/") || file.size < WORTH_SHRINKING || !window.createImageBitmap) {
    return file;
  }
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    const scale = Math.min(1, LONGEST_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise((done) => canvas.toBlob(done, "image/jpeg", JPEG_QUALITY));
    if (!blob || blob.size >= file.size) return file;
    const name = file.name.replace(/\.[^.]*$/, "") + ".jpg";
    return new File([blob], name, { type: "image/jpeg", lastModified: file.lastModified });
  } catch {
    // A format this browser cannot draw: the server knows what to say about it.
    return file;
  }
}

function say(status, text, fraction) {
  if (!status) return;
  status.hidden = false;
  status.querySelector("span").textContent = text;
  const bar = status.querySelector("progress");
  if (fraction === undefined) bar.removeAttribute("value");
  else bar.value = Math.round(fraction * 100);
}

async function sendWithPhotos(form, submitter) {
  const status = form.querySelector(".send-progress");
  const buttons = form.querySelectorAll("button[type=submit]");
  buttons.forEach((b) => (b.disabled = true));
  const again = (message) => {
    say(status, message, 0);
    buttons.forEach((b) => (b.disabled = false));
  };
  say(status, status?.dataset.shrinking ?? "", undefined);
  const data = new FormData();
  for (const [name, value] of new FormData(form, submitter)) {
    if (value instanceof File) {
      // An empty file input sends a nameless empty file; the server skips it as before.
      data.append(name, value.size > 0 ? await shrink(value) : value);
    } else {
      data.append(name, value);
    }
  }
  const request = new XMLHttpRequest();
  request.open("POST", form.action);
  request.setRequestHeader("Accept", "text/html");
  request.upload.onprogress = (event) => {
    if (!event.lengthComputable) return;
    const percent = Math.round((event.loaded / event.total) * 100);
    say(status, (status?.dataset.sending ?? "").replace("{percent}", percent), event.loaded / event.total);
  };
  request.onload = () => {
    if (request.status >= 200 && request.status < 400) {
      // The server redirected to where a plain form would land: the new proposal, or the form
      // with its messages. Going there shows exactly what a browser without JavaScript shows.
      say(status, status?.dataset.sent ?? "", 1);
      window.location.assign(request.responseURL || form.action);
    } else {
      again(status?.dataset.failed ?? "");
    }
  };
  request.onerror = () => again(status?.dataset.failed ?? "");
  request.send(data);
}

document.addEventListener(
  "submit",
  (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.enctype !== "multipart/form-data") return;
    if (!window.XMLHttpRequest || !window.FormData) return;
    // Handled here: the islands router leaves a submit that was already handled alone.
    event.preventDefault();
    sendWithPhotos(form, event.submitter);
  },
  true,
);

// ---- Voice messages ------------------------------------------------------------------------
// Without this file a voice field is a file field that opens the phone's own recorder. With it,
// a record button (rendered hidden by the server, its texts in data-* attributes) records with
// the microphone, shows the time and a stop button, and puts the recording into that same file
// field, so the form sends it exactly as if it had been chosen there. It lives here rather than
// in the wasm: this file arrives first on a slow line, and the wasm stays small for every page.

const MOST_SECONDS = 120; // the server's limit: a forgotten recording stops rather than fails

const canRecord = Boolean(window.MediaRecorder && navigator.mediaDevices?.getUserMedia && window.DataTransfer);
const recordings = new WeakMap();

function clock(seconds) {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

function showRecorders() {
  if (!canRecord) return;
  for (const box of document.querySelectorAll(".voice-recorder[hidden]")) box.hidden = false;
}

async function startRecording(box) {
  const status = box.querySelector(".recorder-status");
  const tell = (key, seconds, kind) => {
    status.className = `recorder-status ${kind}`;
    status.textContent = (box.dataset[key] ?? "").replace("{time}", clock(seconds));
  };
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch {
    tell("failed", 0, "field-error");
    return;
  }
  const chunks = [];
  const recorder = new MediaRecorder(stream);
  const session = { recorder, seconds: 0, timer: null };
  recordings.set(box, session);
  recorder.ondataavailable = (event) => {
    if (event.data.size) chunks.push(event.data);
  };
  recorder.onstop = () => {
    clearInterval(session.timer);
    stream.getTracks().forEach((track) => track.stop());
    const type = recorder.mimeType || "audio/webm";
    // The server reads the content, not the name; the name only helps a person who sees it.
    const extension = type.includes("ogg") ? "ogg" : type.includes("mp4") ? "m4a" : "webm";
    const file = new File(chunks, `voice.${extension}`, { type });
    const transfer = new DataTransfer();
    transfer.items.add(file);
    const input = document.getElementById(box.dataset.input);
    if (input) input.files = transfer.files;
    const preview = box.querySelector("audio");
    preview.src = URL.createObjectURL(file);
    preview.hidden = false;
    box.querySelector(".record").hidden = false;
    box.querySelector(".stop").hidden = true;
    tell("recorded", Math.max(session.seconds, 1), "recorded");
  };
  box.querySelector(".record").hidden = true;
  box.querySelector(".stop").hidden = false;
  box.querySelector("audio").hidden = true;
  tell("recording", 0, "recording");
  recorder.start();
  session.timer = setInterval(() => {
    session.seconds += 1;
    tell("recording", session.seconds, "recording");
    if (session.seconds >= MOST_SECONDS) recorder.stop();
  }, 1000);
}

// Clicks are caught on the document, so buttons of a page the router swapped in work too.
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest(".voice-recorder button") : null;
  if (!button) return;
  const box = button.closest(".voice-recorder");
  if (button.classList.contains("record")) {
    startRecording(box);
  } else if (button.classList.contains("stop")) {
    const session = recordings.get(box);
    if (session?.recorder.state === "recording") session.recorder.stop();
  }
});

// The server renders the recorder hidden (it needs this file and a microphone API): shown below,
// with the other such parts.

// ---- Phone notifications ---------------------------------------------------------------------
// Only a script can ask the browser for notifications, so the server renders the button hidden
// with words saying so; where this browser can take push messages, the words go and the button
// shows. It registers /sw.js, subscribes with the site's key and hands the subscription to the
// server, which from then on posts the member's news to it.

const canPush = Boolean("serviceWorker" in navigator && window.PushManager && window.Notification);

function showPushSwitches() {
  if (!canPush) return;
  for (const box of document.querySelectorAll(".push-switch")) {
    const button = box.querySelector(".push-turn-on");
    // Once this phone is on, the button has done its work.
    if (button?.hidden && !box.dataset.turnedOn) button.hidden = false;
    const words = box.querySelector(".push-needs-script");
    if (words && !words.hidden) words.hidden = true;
  }
}

function keyBytes(base64url) {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

async function subscribeHere(key) {
  const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  await navigator.serviceWorker.ready;
  const options = { userVisibleOnly: true, applicationServerKey: keyBytes(key) };
  try {
    return await registration.pushManager.subscribe(options);
  } catch (error) {
    // A subscription made with another key (an older site) must go before a new one.
    const old = await registration.pushManager.getSubscription();
    if (!old) throw error;
    await old.unsubscribe();
    return registration.pushManager.subscribe(options);
  }
}

async function turnOnPush(box) {
  const status = box.querySelector(".push-status");
  const button = box.querySelector(".push-turn-on");
  const tell = (key) => {
    status.hidden = false;
    status.textContent = box.dataset[key] ?? "";
  };
  button.disabled = true;
  try {
    if ((await Notification.requestPermission()) !== "granted") {
      tell("denied");
      return;
    }
    const subscription = (await subscribeHere(box.dataset.key)).toJSON();
    const answer = await fetch("/api/subscribe_push", {
      method: "POST",
      headers: { Accept: "application/json" },
      body: new URLSearchParams({
        endpoint: subscription.endpoint ?? "",
        p256dh: subscription.keys?.p256dh ?? "",
        auth: subscription.keys?.auth ?? "",
      }),
    });
    if (!answer.ok) {
      tell("failed");
      return;
    }
    tell("done");
    box.dataset.turnedOn = "yes";
    button.hidden = true;
    // The list of devices on /me gains this one without a reload (the prompt has no list).
    const section = box.closest("#phone-notifications");
    let list = section?.querySelector(".push-devices");
    if (section && !list) {
      list = document.createElement("ul");
      list.className = "push-devices";
      section.querySelector(".push-devices-none")?.replaceWith(list);
    }
    const item = document.createElement("li");
    item.textContent = box.dataset.thisDevice ?? "";
    list?.append(item);
  } catch {
    tell("failed");
  } finally {
    button.disabled = false;
  }
}

document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest(".push-turn-on") : null;
  if (button) turnOnPush(button.closest(".push-switch"));
});

// ---- Parts the server renders hidden until this file shows them ------------------------------
// The router may bring new ones, or put `hidden` back on one it reuses.

function showScriptParts() {
  showRecorders();
  showPushSwitches();
}

showScriptParts();
if (canRecord || canPush) {
  new MutationObserver(showScriptParts).observe(document.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["hidden"],
  });
}

// ---- Pages swapped in place by the islands router ---------------------------------------------

// A new page starts at its top (or at the part its address names), as a full page load would;
// the router keeps the old scroll position, so a proposal would open at its bottom.
const pushState = history.pushState.bind(history);
history.pushState = (state, unused, url) => {
  pushState(state, unused, url);
  window.scrollTo(0, 0);
  // The router may push the address before the new page is in place; the part named after `#`
  // is looked for once it is.
  if (location.hash) {
    requestAnimationFrame(() => {
      document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
    });
  }
};

// The router copies the new page's attributes onto the old elements but never removes one the
// new page does not have: a bottom tab stayed marked as the current page, a field stayed marked
// invalid. Its `diffElement` is a global function of the inline router script; this version also
// removes what the new page no longer says.
if (typeof window.diffElement === "function") {
  window.diffElement = (oldElement, newElement) => {
    if (oldElement.tagName !== newElement.tagName) {
      oldElement.replaceWith(newElement);
      return;
    }
    for (const attribute of [...oldElement.attributes]) {
      if (!newElement.hasAttribute(attribute.name)) oldElement.removeAttribute(attribute.name);
    }
    for (const attribute of newElement.attributes) {
      if (oldElement.getAttribute(attribute.name) !== attribute.value) {
        oldElement.setAttribute(attribute.name, attribute.value);
      }
    }
  };
}
