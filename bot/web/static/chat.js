/* The web chat page. Plain JavaScript, no build step.

   Everything the person or the bot writes is put on the page as text
   (textContent, text nodes): never as HTML. Links in bot messages are built
   as <a> elements from checked http(s) addresses, showing the address itself.

   Download buttons come only from the structured "downloads" the page's own
   API sends beside a message (a kind of document and a title), never from
   anything in a message's text. Pressing one asks the server for a fresh
   link that works once, for a few minutes.

   The conversation is named only by a session token the server issued; it is
   kept in localStorage so closing the tab and coming back carries on, until
   the chat has been left alone for the idle time (the server says how long,
   and sends a fresh token with each answer). Leaving quickly forgets it. */
(function () {
  "use strict";

  var STORE_KEY = "safetyplan.chat.session";
  var API = "/chat/api/";
  // Not under /chat/: the address left in the bar says nothing about this page.
  var LEAVE_URL = "/weather";
  var DOWNLOAD_PATH = "/chat/download/";
  var REQUEST_TIMEOUT_MS = 150000;
  var IDLE_CLOSED =
    "This chat was closed because nothing happened for a while. That keeps it private on " +
    "this device. Your answers are saved. To carry on, open the link your worker sent " +
    "you. Or ask them for a new one.";
  var CANT_REACH =
    "I can't reach the service just now. Check your internet connection, then press Try again.";
  // A message that could not be sent (the connection, or the server restarting after a
  // crash): say plainly it was not saved, and keep the words to send again.
  var NOT_SENT_TYPED =
    "I can't reach the service just now, so that message wasn't saved. Your words are still " +
    "in the box: press Try again in a minute, or check your internet connection. Your earlier " +
    "answers are safe.";
  var NOT_SENT_CHOICE =
    "I can't reach the service just now, so that choice wasn't saved. Press Try again in a " +
    "minute, or check your internet connection. Your earlier answers are safe.";

  // -- leaving quickly: before anything else, so it works even if the rest fails --------

  var leaving = false;

  // This device forgets the chat: coming back needs the worker's link again.
  function leave() {
    // A reply still on its way must not store the chat again while the page goes.
    leaving = true;
    token = null;
    try {
      window.localStorage.removeItem(STORE_KEY);
    } catch (ignored) {
      /* nothing kept */
    }
    try {
      document.title = "";
      document.body.replaceChildren();
    } catch (ignored) {
      /* leaving matters more than tidying */
    }
    // replace, not a new history entry: Back does not come here again.
    window.location.replace(LEAVE_URL);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !event.isComposing) {
      event.preventDefault();
      leave();
    }
  });

  // -- the pieces of the page ----------------------------------------------------------

  var el = function (id) {
    return document.getElementById(id);
  };
  var ui = {};
  var token = null;
  var busy = false;
  var retry = null;
  var focusAfter = true;
  var idleMs = 30 * 60 * 1000;
  var lastUsed = Date.now();
  var idleTimer = null;
  var reduceMotion =
    window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function stored() {
    try {
      return window.localStorage.getItem(STORE_KEY);
    } catch (ignored) {
      return null;
    }
  }

  function remember(value) {
    if (leaving) return;
    token = value;
    try {
      window.localStorage.setItem(STORE_KEY, value);
    } catch (ignored) {
      /* private browsing: the chat still works, it just cannot be resumed */
    }
  }

  function forget() {
    token = null;
    try {
      window.localStorage.removeItem(STORE_KEY);
    } catch (ignored) {
      /* nothing kept */
    }
  }

  // What a token says about itself (not trusted: the server checks every use).
  function payloadOf(value) {
    try {
      var body = String(value).split(".")[0].replace(/-/g, "+").replace(/_/g, "/");
      while (body.length % 4) body += "=";
      return JSON.parse(window.atob(body));
    } catch (ignored) {
      return null;
    }
  }

  // -- talking to the server -------------------------------------------------------------

  function ApiError(status, code, message) {
    this.status = status;
    this.code = code || "";
    this.message = message || "";
  }

  function Unreachable() {
    this.message = CANT_REACH;
  }

  function call(path, options) {
    options = options || {};
    var headers = { Accept: "application/json" };
    var init = { method: options.method || "GET", headers: headers, cache: "no-store" };
    if (options.body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(options.body);
    }
    if (token && options.auth !== false) headers.Authorization = "Bearer " + token;
    var sentWith = token;
    var controller = window.AbortController ? new AbortController() : null;
    if (controller) init.signal = controller.signal;
    var timer = window.setTimeout(function () {
      if (controller) controller.abort();
    }, REQUEST_TIMEOUT_MS);
    return window
      .fetch(API + path, init)
      .catch(function () {
        throw new Unreachable();
      })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return null;
          })
          .then(function (data) {
            if (response.ok) {
              data = data || {};
              // Each answer carries a fresh token: the idle time starts again.
              if (data.idle_seconds > 0) idleMs = data.idle_seconds * 1000;
              if (typeof data.session === "string" && token && token === sentWith) {
                remember(data.session);
              }
              if (token) stillHere();
              return data;
            }
            // A proxy's error page or a server that is down is "can't reach".
            if (response.status >= 500 && !(data && data.error)) throw new Unreachable();
            throw new ApiError(response.status, data && data.code, data && data.error);
          });
      })
      .finally(function () {
        window.clearTimeout(timer);
      });
  }

  // -- showing messages ---------------------------------------------------------------------

  var LINK = /https?:\/\/[^\s<>"']+/g;
  // UK phone numbers as the helper writes them: 999, or 0 then 7 to 10 more digits
  // in groups ("0808 800 5000", "0800 1111").
  var PHONE = /(^|[^\d])(999|0\d{2,4}(?: ?\d{3,4}){1,2})(?![\d])/g;

  function appendText(parent, text, phones) {
    var last = 0;
    var match;
    LINK.lastIndex = 0;
    while ((match = LINK.exec(text)) !== null) {
      var address = match[0].replace(/[.,;:!?)\]]+$/, "");
      appendPlain(parent, text.slice(last, match.index), phones);
      parent.appendChild(linkTo(address));
      last = match.index + address.length;
      LINK.lastIndex = last;
    }
    appendPlain(parent, text.slice(last), phones);
  }

  // Text, with the helper's phone numbers as tap-to-call links (tel:).
  function appendPlain(parent, text, phones) {
    var last = 0;
    var match;
    if (phones) {
      PHONE.lastIndex = 0;
      while ((match = PHONE.exec(text)) !== null) {
        var number = match[2];
        var digits = number.replace(/ /g, "");
        if (digits !== "999" && (digits.length < 8 || digits.length > 11)) continue;
        // 07700 900000-900999 is Ofcom's range for made-up numbers: the
        // questions' examples use it, and nobody should ring it from here.
        if (/^07700900[0-9]{3}$/.test(digits)) continue;
        var start = match.index + match[1].length;
        parent.appendChild(document.createTextNode(text.slice(last, start)));
        var link = document.createElement("a");
        link.href = "tel:" + digits;
        link.textContent = number;
        parent.appendChild(link);
        last = start + number.length;
      }
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function linkTo(address) {
    var url;
    try {
      url = new URL(address);
    } catch (ignored) {
      return document.createTextNode(address);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return document.createTextNode(address);
    }
    // The address is shown as it is, wherever it points: a link in a message is
    // never dressed up as one of this service's own buttons.
    var link = document.createElement("a");
    link.href = url.href;
    link.textContent = address;
    link.rel = "noopener noreferrer";
    return link;
  }

  // -- documents --------------------------------------------------------------------------

  // Only a link to this page's own server, on its download path.
  function ownDownload(value) {
    var url;
    try {
      url = new URL(String(value), window.location.origin);
    } catch (ignored) {
      return null;
    }
    if (url.origin !== window.location.origin) return null;
    if (url.pathname.indexOf(DOWNLOAD_PATH) !== 0 || url.search || url.hash) return null;
    return url.href;
  }

  function download(kind, button) {
    if (busy) return;
    hideProblem();
    button.setAttribute("aria-disabled", "true");
    call("download", { method: "POST", body: { kind: kind } })
      .then(function (data) {
        var address = ownDownload(data.url);
        if (!address) throw new ApiError(0, "bad_link", "I couldn't make the link. Please try again.");
        var link = document.createElement("a");
        link.href = address;
        link.hidden = true;
        document.body.appendChild(link);
        link.click();
        link.remove();
      })
      .catch(function (error) {
        handleFailure(error, function () {
          download(kind, button);
        });
      })
      .finally(function () {
        button.removeAttribute("aria-disabled");
      });
  }

  function addDownloads(item, downloads) {
    var group = document.createElement("div");
    group.className = "downloads";
    downloads.forEach(function (offer) {
      if (!offer || typeof offer.kind !== "string" || typeof offer.title !== "string") return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "download-button";
      button.textContent = offer.title;
      button.addEventListener("click", function () {
        download(offer.kind, button);
      });
      group.appendChild(button);
    });
    if (group.childElementCount) item.appendChild(group);
  }

  // A long message in parts (the review): its first line, then each part folded
  // away under its title (details and summary), opened with a tap.
  function addSections(item, text, sections) {
    var intro = document.createElement("p");
    intro.className = "message__text";
    appendText(intro, String(text || "").split("\n")[0], true);
    item.appendChild(intro);
    sections.forEach(function (section) {
      if (!section || typeof section.title !== "string" || !Array.isArray(section.lines)) return;
      var part = document.createElement("details");
      part.className = "message__part";
      var title = document.createElement("summary");
      title.textContent = section.title;
      part.appendChild(title);
      section.lines.forEach(function (line) {
        var said = document.createElement("p");
        said.className = "message__text";
        appendText(said, String(line), true);
        part.appendChild(said);
      });
      item.appendChild(part);
    });
  }

  function addMessage(from, text, downloads, sections) {
    var item = document.createElement("div");
    item.className = "message message--" + from;
    var who = document.createElement("p");
    who.className = "message__who";
    who.textContent = from === "user" ? "You" : from === "bot" ? "Helper" : "Note";
    item.appendChild(who);
    if (from === "bot" && Array.isArray(sections) && sections.length) {
      addSections(item, text, sections);
    } else {
      var body = document.createElement("p");
      body.className = "message__text";
      // Only the helper's numbers become links, never the person's own words.
      appendText(body, String(text || ""), from === "bot");
      item.appendChild(body);
    }
    if (from === "bot" && downloads && downloads.length) addDownloads(item, downloads);
    ui.log.appendChild(item);
    return item;
  }

  function showChoices(buttons) {
    ui.choices.replaceChildren();
    if (!buttons || !buttons.length) {
      ui.choices.hidden = true;
      return;
    }
    buttons.forEach(function (button) {
      var choice = document.createElement("button");
      choice.type = "button";
      choice.className = "choice-button";
      choice.textContent = button.title;
      choice.addEventListener("click", function (event) {
        // From the keyboard (detail 0) the text box takes focus next; a tap
        // leaves it, so a phone's keyboard doesn't pop up over the answers.
        focusAfter = event.detail === 0;
        sendChoice(button.payload, button.title);
      });
      ui.choices.appendChild(choice);
    });
    ui.choices.hidden = false;
  }

  function reveal(first) {
    var barHeight = ui.bar ? ui.bar.getBoundingClientRect().height : 0;
    var bottom = ui.composer.getBoundingClientRect().bottom + window.scrollY - window.innerHeight;
    var top = bottom;
    if (first) top = first.getBoundingClientRect().top + window.scrollY - barHeight - 8;
    window.scrollTo({
      top: Math.max(0, Math.min(bottom + 16, top)),
      behavior: reduceMotion ? "auto" : "smooth",
    });
  }

  // Bot messages as they arrive; the last one with buttons gives the choices.
  function showReplies(messages) {
    var first = null;
    var buttons = [];
    (messages || []).forEach(function (message) {
      if (message.text || (message.downloads && message.downloads.length)) {
        var item = addMessage("bot", message.text, message.downloads, message.sections);
        first = first || item;
      }
      if (message.buttons && message.buttons.length) buttons = message.buttons;
    });
    showChoices(buttons);
    reveal(first);
  }

  function note(text) {
    addMessage("note", text);
  }

  // -- busy, problems and focus ------------------------------------------------------------

  function setBusy(value) {
    busy = value;
    ui.log.setAttribute("aria-busy", value ? "true" : "false");
    ui.send.setAttribute("aria-disabled", value ? "true" : "false");
    ui.typing.replaceChildren();
    if (value) {
      var dots = document.createElement("span");
      dots.className = "typing__dots";
      dots.setAttribute("aria-hidden", "true");
      for (var i = 0; i < 3; i += 1) dots.appendChild(document.createElement("span"));
      var words = document.createElement("span");
      words.textContent = "The helper is writing a reply…";
      ui.typing.appendChild(dots);
      ui.typing.appendChild(words);
    }
  }

  function showProblem(text, again) {
    retry = again || null;
    ui.problemText.textContent = text;
    ui.retry.hidden = !again;
    ui.problem.hidden = false;
  }

  function hideProblem() {
    retry = null;
    ui.problem.hidden = true;
  }

  function closeComposer() {
    ui.message.disabled = true;
    ui.send.disabled = true;
    ui.choices.replaceChildren();
    ui.choices.hidden = true;
  }

  // Where to type next, unless the person has moved somewhere else on purpose.
  function keepFocus() {
    var active = document.activeElement;
    var lost = !active || active === document.body;
    if ((lost && focusAfter) || ui.composer.contains(active)) {
      if (!ui.message.disabled) ui.message.focus();
    }
    focusAfter = true;
  }

  // -- a chat left alone closes --------------------------------------------------------------

  function stillHere() {
    lastUsed = Date.now();
    if (idleTimer) window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(checkIdle, idleMs + 500);
  }

  function checkIdle() {
    if (!token) return;
    if (busy || Date.now() - lastUsed < idleMs) {
      idleTimer = window.setTimeout(checkIdle, 1000);
      return;
    }
    closeForIdle();
  }

  // The conversation leaves the screen and this device forgets it.
  function closeForIdle() {
    if (idleTimer) window.clearTimeout(idleTimer);
    idleTimer = null;
    forget();
    ui.log.replaceChildren();
    closeComposer();
    ui.retry.textContent = "Start a new chat";
    showProblem(IDLE_CLOSED, function () {
      ui.retry.textContent = "Try again";
      hideProblem();
      ui.message.disabled = false;
      ui.send.disabled = false;
      begin(null);
    });
  }

  function handleFailure(error, again, unreachable) {
    if (error instanceof ApiError) {
      if (error.code === "session_idle") {
        closeForIdle();
        return;
      }
      if (error.code === "session_ended" || error.code === "no_session") {
        forget();
        showProblem(
          "This chat has ended, so I can't add to it. Press Try again to start a new chat.",
          function () {
            hideProblem();
            ui.log.replaceChildren();
            begin(null);
          }
        );
        return;
      }
      if (error.code.indexOf("invite_") === 0) {
        showProblem(error.message || "This link doesn't work. Please ask your worker for a new one.");
        closeComposer();
        return;
      }
      if (error.status === 422) {
        // Too long or empty: the words stay in the box to shorten or split.
        showProblem(error.message);
        ui.message.focus();
        return;
      }
      showProblem(error.message || "Something went wrong. Please try again.", again);
      return;
    }
    showProblem(error instanceof Unreachable && unreachable ? unreachable : CANT_REACH, again);
  }

  // -- sending ----------------------------------------------------------------------------------

  function post(text, shown, onFail) {
    if (busy) return Promise.resolve(false);
    hideProblem();
    setBusy(true);
    var bubble = addMessage("user", shown);
    ui.choices.hidden = true;
    reveal(bubble);
    return call("message", { method: "POST", body: { message: text } })
      .then(function (data) {
        showReplies(data.messages);
        return true;
      })
      .catch(function (error) {
        bubble.remove();
        ui.choices.hidden = !ui.choices.childElementCount;
        onFail(error);
        return false;
      })
      .finally(function () {
        setBusy(false);
        keepFocus();
      });
  }

  function sendTyped() {
    var text = ui.message.value;
    if (!text.trim()) {
      showProblem("Type your answer in the box first, or choose one of the answers.");
      ui.message.focus();
      return;
    }
    if (busy) return;
    ui.message.value = "";
    post(text, text, function (error) {
      // Nothing is lost: what was typed goes back in the box, to send again.
      if (!ui.message.value) ui.message.value = text;
      handleFailure(error, sendTyped, NOT_SENT_TYPED);
    });
  }

  function sendChoice(payload, title) {
    post(payload, title, function (error) {
      handleFailure(
        error,
        function () {
          sendChoice(payload, title);
        },
        NOT_SENT_CHOICE
      );
    });
  }

  // -- starting and resuming -----------------------------------------------------------------

  function openSession(invite) {
    var body = invite ? { invite: invite } : {};
    return call("session", { method: "POST", body: body, auth: false }).then(function (data) {
      remember(data.token);
      stillHere();
    });
  }

  function loadConversation() {
    return call("history").then(function (data) {
      var messages = data.messages || [];
      if (!messages.length) {
        setBusy(true);
        return call("start", { method: "POST", body: {} })
          .then(function (started) {
            showReplies(started.messages);
          })
          .finally(function () {
            setBusy(false);
          });
      }
      messages.forEach(function (message) {
        if (message.from === "user") addMessage("user", message.text);
        else addMessage("bot", message.text, message.downloads, message.sections);
      });
      showChoices(data.buttons);
      reveal(null);
      return null;
    });
  }

  function begin(invite) {
    hideProblem();
    var current = stored();
    var opening;
    if (invite) {
      var mine = payloadOf(current);
      var link = payloadOf(invite);
      // The same invite opened again on this device carries on the same chat.
      if (current && mine && link && mine.i && mine.i === link.v) {
        token = current;
        opening = Promise.resolve();
      } else {
        opening = openSession(invite);
      }
    } else if (current) {
      token = current;
      opening = Promise.resolve();
    } else {
      opening = openSession(null);
    }
    return opening.then(loadConversation).catch(function (error) {
      var ended = error instanceof ApiError &&
        (error.code === "session_ended" || error.code === "session_idle");
      if (ended && current && token === current) {
        // An old chat that has run out: start a fresh one instead (with the invite,
        // when the link was opened again: it carries on with the plan).
        forget();
        ui.log.replaceChildren();
        if (!invite) {
          note(
            "Your earlier chat on this device was closed, to keep it private, so this is a " +
              "new one. Your answers are saved. To carry on with them, open the link your " +
              "worker sent you."
          );
        }
        return begin(invite);
      }
      handleFailure(error, function () {
        ui.log.replaceChildren();
        begin(invite);
      });
      return null;
    });
  }

  function start() {
    ui = {
      bar: document.querySelector(".safety-bar"),
      log: el("log"),
      typing: el("typing"),
      choices: el("choices"),
      problem: el("problem"),
      problemText: el("problem-text"),
      retry: el("retry-button"),
      composer: el("composer"),
      message: el("message"),
      send: el("send-button"),
    };
    el("leave-button").addEventListener("click", leave);
    ui.retry.addEventListener("click", function () {
      if (retry && !busy) retry();
    });
    ui.composer.addEventListener("submit", function (event) {
      event.preventDefault();
      sendTyped();
    });
    ui.message.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        sendTyped();
      }
    });
    el("forget-button").addEventListener("click", function () {
      var sure = window.confirm(
        "This device will forget this chat. Your answers stay saved with the service, but you " +
          "won't be able to carry on this chat from this device. Forget it?"
      );
      if (sure) {
        forget();
        window.location.replace("/chat/");
      }
    });

    // An invite travels in the address's fragment (#invite=...), which the
    // browser never sends to a server. Links made before that used the query.
    var fragment = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    var query = new URLSearchParams(window.location.search);
    var invite = fragment.get("invite") || query.get("invite");
    if (fragment.has("invite") || query.has("invite")) {
      // The link's token leaves the address bar and the history entry at once.
      window.history.replaceState(null, "", window.location.pathname);
    }
    document.addEventListener("visibilitychange", function () {
      // A phone may hold timers back while the page is hidden: check on return.
      if (document.visibilityState === "visible" && token) checkIdle();
    });
    begin(invite);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
