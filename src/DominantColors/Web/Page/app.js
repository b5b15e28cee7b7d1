// The live preview: one EventSource for status + thumbnail, three POST controls. No dependencies.
'use strict';
(() => {
  const token = new URLSearchParams(location.search).get('token');
  const withToken = (path) => token ? `${path}?token=${encodeURIComponent(token)}` : path;
  const $ = (id) => document.getElementById(id);
  const canvas = $('frame');
  const context = canvas.getContext('2d');
  const scratch = document.createElement('canvas');
  let editing = false;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function drawFrame(status) {
    const frame = status.frame;
    if (!frame) return;
    const bytes = Uint8Array.from(atob(frame.rgb), (c) => c.charCodeAt(0));
    scratch.width = frame.width; scratch.height = frame.height;
    const image = new ImageData(frame.width, frame.height);
    for (let i = 0, o = 0; i < bytes.length; i += 3, o += 4) {
      image.data[o] = bytes[i]; image.data[o + 1] = bytes[i + 1]; image.data[o + 2] = bytes[i + 2]; image.data[o + 3] = 255;
    }
    scratch.getContext('2d').putImageData(image, 0, 0);
    canvas.height = Math.round(canvas.width * frame.height / frame.width);
    context.imageSmoothingEnabled = false;
    context.drawImage(scratch, 0, 0, canvas.width, canvas.height);
    const w = canvas.width, h = canvas.height;
    context.lineWidth = 2;
    context.font = '12px system-ui, sans-serif';
    for (const zone of status.zones) {
      const a = zone.area;
      context.strokeStyle = '#ffffff'; context.setLineDash([]);
      context.strokeRect(a.x * w + 1, a.y * h + 1, a.width * w - 2, a.height * h - 2);
      context.fillStyle = '#ffffff';
      context.fillText(zone.name, a.x * w + 5, a.y * h + 15);
    }
    const c = status.crop;
    context.strokeStyle = '#ffd33d'; context.setLineDash([6, 4]);
    context.strokeRect(c.x * w + 1, c.y * h + 1, c.width * w - 2, c.height * h - 2);
  }

  function renderLights(lights) {
    const list = $('lights');
    list.replaceChildren(...lights.map((light) => {
      const item = element('li', 'light');
      item.dataset.light = light.name;
      const swatch = element('div', 'swatch');
      swatch.style.backgroundColor = light.color;
      swatch.title = light.color;
      item.append(swatch, element('span', 'name', light.name), element('code', '', light.color));
      return item;
    }));
  }

  function renderZones(zones) {
    $('zones').replaceChildren(...zones.map((zone) => {
      const item = element('li', 'zone');
      item.dataset.zone = zone.name;
      const bar = element('div', 'palette');
      for (const swatch of zone.palette) {
        const part = element('div', 'swatch', swatch.weight >= 0.12 ? `${Math.round(swatch.weight * 100)}%` : '');
        part.style.backgroundColor = swatch.color;
        part.style.flexGrow = String(swatch.weight);
        part.title = `${swatch.color} ${(swatch.weight * 100).toFixed(1)}%`;
        bar.append(part);
      }
      item.append(element('div', 'name', zone.name), bar);
      return item;
    }));
  }

  function renderTables(status) {
    $('outputs').replaceChildren(...status.outputs.map((o) => {
      const row = element('tr');
      const state = o.connected ? ['ok', 'connected'] : o.waiting ? ['', 'waiting'] : ['bad', 'disconnected'];
      row.append(element('td', '', o.name), element('td', state[0], state[1]),
        element('td', '', `${o.rate.toFixed(1)}/s`), element('td', '', String(o.errors)), element('td', '', String(o.reconnects)),
        o.waiting ? element('td', '', o.waiting) : element('td', 'bad', o.lastError ?? ''));
      return row;
    }));
    const ms = (v) => (v === undefined || v === null ? '–' : v.toFixed(3));
    $('stages').replaceChildren(...status.stages.map((s) => {
      const row = element('tr');
      row.append(element('td', '', s.name), element('td', '', ms(s.meanMs)), element('td', '', ms(s.lastMs)));
      return row;
    }));
  }

  function renderControls(settings) {
    if (editing) return;
    $('ambient').checked = settings.ambient;
    $('brightness').value = Math.round(settings.brightness * 100);
    $('brightness-value').textContent = `${Math.round(settings.brightness * 100)}%`;
    const select = $('smoothing');
    if (select.options.length !== settings.smoothingChoices.length) {
      select.replaceChildren(...settings.smoothingChoices.map((c) => new Option(c, c)));
    }
    select.value = settings.smoothing;
  }

  function render(status) {
    const health = $('health');
    health.dataset.healthy = String(status.healthy);
    health.textContent = status.healthy ? 'healthy' : status.health;
    $('fps').textContent = `${status.source.fps.toFixed(1)} fps`;
    $('source').textContent = `frame ${status.source.sequence} · ${status.source.droppedFrames} dropped`;
    drawFrame(status);
    renderLights(status.lights);
    renderZones(status.zones);
    renderTables(status);
    renderControls(status.settings);
    document.body.dataset.sequence = String(status.source.sequence);
    document.body.dispatchEvent(new Event('rendered'));
  }

  async function control(path, body) {
    const headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
    const answer = await response.json().catch(() => ({}));
    $('control-error').textContent = response.ok ? '' : (answer.error ?? `HTTP ${response.status}`);
    if (response.ok) renderControls(answer);
  }

  $('ambient').addEventListener('change', (e) => control('/api/ambient', { on: e.target.checked }));
  $('smoothing').addEventListener('change', (e) => control('/api/smoothing', { intensity: e.target.value }));
  const brightness = $('brightness');
  brightness.addEventListener('input', () => { editing = true; $('brightness-value').textContent = `${brightness.value}%`; });
  brightness.addEventListener('change', async () => {
    editing = false;
    await control('/api/brightness', { value: Number(brightness.value) / 100 });
  });

  const events = new EventSource(withToken('/api/events'));
  events.onmessage = (message) => render(JSON.parse(message.data));
  events.onerror = () => {
    const health = $('health');
    health.dataset.healthy = 'false';
    health.textContent = 'connection lost, retrying…';
  };
})();
