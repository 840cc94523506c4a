// The report form: every answer is saved a moment after the person stops typing, checked by the server
// with the chat's own rules. A save names the revision the page shows, so a change made elsewhere (the
// chat, a colleague) comes back as a conflict with both texts instead of being overwritten.
(function () {
  "use strict";
  const main = document.querySelector("main.form");
  if (!main) return;
  const saveUrl = main.dataset.save;
  const S = JSON.parse(main.dataset.strings);
  const TYPING_MS = 800;
  const CLICK_MS = 150;
  const fill = (text, vars) => text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : ""));
  const globalStatus = document.getElementById("global-status");
  const progress = document.getElementById("progress");

  /** Per question: its timer, whether a save is running, whether more changes wait. */
  const state = new Map();
  const blocks = Array.from(document.querySelectorAll(".q[data-key]"));

  function inputOf(block) {
    const type = block.dataset.type;
    if (type === "list") return { items: Array.from(block.querySelectorAll(".item input")).map((el) => el.value) };
    if (type === "yes_no" || type === "single_choice") {
      const checked = block.querySelector("input[type=radio]:checked");
      return { choice: checked ? checked.value : "" };
    }
    if (type === "multiple_choice") return { choices: Array.from(block.querySelectorAll("input[type=checkbox]:checked")).map((el) => el.value) };
    const field = block.querySelector("textarea, input[type=text]");
    return { text: field ? field.value : "" };
  }

  function setInput(block, input) {
    const type = block.dataset.type;
    if (type === "list") {
      const list = block.querySelector(".items");
      list.textContent = "";
      const items = input.items && input.items.length ? input.items : [""];
      items.forEach((value) => list.appendChild(itemRow(value)));
      renumber(block);
    } else if (type === "yes_no" || type === "single_choice") {
      block.querySelectorAll("input[type=radio]").forEach((el) => (el.checked = el.value === input.choice));
    } else if (type === "multiple_choice") {
      block.querySelectorAll("input[type=checkbox]").forEach((el) => (el.checked = (input.choices || []).includes(el.value)));
    } else {
      const field = block.querySelector("textarea, input[type=text]");
      field.value = input.text || "";
      count(block);
    }
  }

  function text(block, cls, value) {
    const el = block.querySelector("." + cls);
    if (el) el.textContent = value || "";
  }

  function count(block) {
    const field = block.querySelector("textarea[data-max]");
    const counter = block.querySelector(".count");
    if (!field || !counter) return;
    const max = Number(field.dataset.max);
    counter.textContent = fill(S.count, { length: field.value.length, max });
    counter.classList.toggle("over", field.value.length > max);
  }

  function showConflict(block, answer, mine) {
    const box = block.querySelector(".conflict");
    box.textContent = "";
    const p = document.createElement("p");
    p.className = "conflict-message";
    p.textContent = answer.message;
    box.appendChild(p);
    const pair = (label, body) => {
      const h = document.createElement("p");
      h.className = "conflict-label";
      h.textContent = label;
      const pre = document.createElement("div");
      pre.className = "conflict-text";
      pre.textContent = body;
      box.appendChild(h);
      box.appendChild(pre);
    };
    pair(S.theirs + " (" + answer.savedBy + ")", answer.theirs);
    pair(S.yours, describe(block, mine));
    const keep = document.createElement("button");
    keep.type = "button";
    keep.className = "primary";
    keep.textContent = S.keepMine;
    keep.addEventListener("click", () => {
      block.dataset.revision = String(answer.revision);
      box.hidden = true;
      schedule(block, 0);
    });
    const take = document.createElement("button");
    take.type = "button";
    take.textContent = S.takeTheirs;
    take.addEventListener("click", () => {
      block.dataset.revision = String(answer.revision);
      setInput(block, answer.input || {});
      box.hidden = true;
      text(block, "saved", answer.savedBy);
    });
    const row = document.createElement("div");
    row.className = "actions";
    row.appendChild(keep);
    row.appendChild(take);
    box.appendChild(row);
    box.hidden = false;
  }

  /** The person's own side in the words the page shows them: an option's label, not its key. */
  function describe(block, input) {
    const label = (value) => {
      const option = Array.from(block.querySelectorAll("input[type=radio], input[type=checkbox]")).find((el) => el.value === value);
      const span = option && option.closest("label") ? option.closest("label").querySelector("span") : null;
      return span ? span.textContent.trim() : value;
    };
    if (input.items) return input.items.filter((x) => x.trim() !== "").map((x) => "• " + x).join("\n");
    // As the server words the other side: one "• " line per chosen option.
    if (input.choices) return input.choices.map((x) => "• " + label(x)).join("\n");
    if (input.choice !== undefined) return label(input.choice);
    return input.text || "";
  }

  async function save(block, leaving) {
    const st = state.get(block);
    if (st.running) {
      st.again = true;
      return;
    }
    st.running = true;
    st.again = false;
    const sent = inputOf(block);
    text(block, "saved", S.saving);
    let retry = false;
    try {
      const body = JSON.stringify({ q: block.dataset.key, revision: Number(block.dataset.revision), input: sent });
      // keepalive lets a save finish as the page closes; browsers allow it only for small bodies.
      const response = await fetch(saveUrl, { method: "POST", headers: { "content-type": "application/json" }, body, keepalive: Boolean(leaving) && body.length < 60000 });
      const answer = await response.json();
      if (answer.status === "saved") {
        block.dataset.revision = String(answer.revision);
        text(block, "saved", answer.savedAt);
        text(block, "understood", answer.understood);
        text(block, "error", "");
        block.classList.remove("invalid");
        if (progress && answer.progress) progress.textContent = answer.progress;
        globalStatus.textContent = answer.savedAt;
      } else if (answer.status === "conflict") {
        text(block, "saved", "");
        showConflict(block, answer, sent);
      } else {
        text(block, "saved", "");
        text(block, "understood", "");
        text(block, "error", answer.message);
        block.classList.add("invalid");
      }
    } catch (error) {
      text(block, "saved", "");
      text(block, "error", S.offline);
      retry = true;
    } finally {
      st.running = false;
      if (retry) schedule(block, 5000);
      else if (st.again) schedule(block, 0);
    }
  }

  function schedule(block, delay) {
    const st = state.get(block);
    clearTimeout(st.timer);
    st.pending = true;
    st.timer = setTimeout(() => {
      st.pending = false;
      save(block);
    }, delay);
  }

  /** Saves what waits, and resolves once no save is running (or after a few seconds). */
  function flush(leaving) {
    state.forEach((st, block) => {
      if (st.pending) {
        clearTimeout(st.timer);
        st.pending = false;
        save(block, leaving);
      }
    });
    const until = Date.now() + 8000;
    return new Promise((resolve) => {
      const check = () => {
        let busy = false;
        state.forEach((st) => (busy = busy || st.running || st.pending));
        if (!busy || Date.now() > until) resolve();
        else setTimeout(check, 50);
      };
      check();
    });
  }

  function itemRow(value) {
    const li = document.createElement("li");
    li.className = "item";
    const input = document.createElement("input");
    input.type = "text";
    input.value = value;
    li.appendChild(input);
    const tools = document.createElement("span");
    tools.className = "item-tools";
    for (const [cls, label] of [["up", "↑"], ["down", "↓"], ["remove", "✕"]]) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "tool " + cls;
      b.textContent = label;
      tools.appendChild(b);
    }
    li.appendChild(tools);
    return li;
  }

  function renumber(block) {
    const rows = Array.from(block.querySelectorAll(".item"));
    rows.forEach((li, i) => {
      const n = i + 1;
      const input = li.querySelector("input");
      input.id = "f-" + block.dataset.key + "-" + n;
      input.setAttribute("aria-label", fill(S.item, { n }));
      li.querySelector(".up").setAttribute("aria-label", fill(S.up, { n }));
      li.querySelector(".down").setAttribute("aria-label", fill(S.down, { n }));
      li.querySelector(".remove").setAttribute("aria-label", fill(S.remove, { n }));
    });
    const add = block.querySelector(".add");
    const max = Number(block.querySelector(".items").dataset.maxItems);
    if (add) add.disabled = rows.length >= max;
  }

  for (const block of blocks) {
    state.set(block, { timer: undefined, running: false, again: false, pending: false });
    if (block.classList.contains("readonly")) continue;
    block.addEventListener("input", (event) => {
      if (event.target.matches("textarea, input[type=text]")) {
        count(block);
        schedule(block, TYPING_MS);
      }
    });
    block.addEventListener("change", (event) => {
      if (event.target.matches("input[type=radio], input[type=checkbox]")) schedule(block, CLICK_MS);
      else schedule(block, 0);
    });
    block.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button || !block.contains(button)) return;
      if (button.classList.contains("keep-last")) {
        setInput(block, JSON.parse(button.dataset.last));
        schedule(block, 0);
        return;
      }
      const list = block.querySelector(".items");
      if (!list) return;
      if (button.classList.contains("add")) {
        const li = itemRow("");
        list.appendChild(li);
        renumber(block);
        li.querySelector("input").focus();
        return;
      }
      const li = button.closest(".item");
      if (!li) return;
      if (button.classList.contains("remove")) {
        const next = li.nextElementSibling || li.previousElementSibling;
        if (list.children.length > 1) li.remove();
        else li.querySelector("input").value = "";
        renumber(block);
        if (next) next.querySelector("input").focus();
      } else if (button.classList.contains("up") && li.previousElementSibling) {
        list.insertBefore(li, li.previousElementSibling);
        renumber(block);
        button.focus();
      } else if (button.classList.contains("down") && li.nextElementSibling) {
        list.insertBefore(li.nextElementSibling, li);
        renumber(block);
        button.focus();
      } else {
        return;
      }
      schedule(block, CLICK_MS);
    });
    if (block.dataset.type === "list") renumber(block);
  }

  // Leaving for the preview: what is being typed is saved first.
  const toPreview = document.getElementById("to-preview");
  if (toPreview) {
    toPreview.addEventListener("click", (event) => {
      event.preventDefault();
      flush().then(() => (location.href = toPreview.href));
    });
  }
  window.addEventListener("pagehide", () => {
    flush(true);
  });
})();
