// Drives the widget's JS API from a host page (no inline script: the page runs under a strict
// Content-Security-Policy). The loader's `load()` resolves to `window.awscost` once the full
// module has started (on a page that embeds one panel alone, it is what loads the API).
import { load } from '../awscost-embed.js';

function ready(api) {
  document.getElementById('api-version').textContent = `awscost ${api.version}`;
  document.getElementById('compare').addEventListener('click', () => {
    const workload = document.getElementById('workload').value;
    const result = JSON.parse(api.compare(workload));
    document.getElementById('compare-result').textContent = JSON.stringify(
      result.errors ?? { monthly_usd: result.lambda?.requested?.monthly_usd, cheapest: result.lambda?.cheapest }, null, 2);
  });
  document.getElementById('compare-scenarios').addEventListener('click', () => {
    const input = document.getElementById('scenarios').value;
    document.getElementById('scenarios-result').textContent = api.scenarios(input, 'markdown');
  });
  document.getElementById('mount-ec2').addEventListener('click', (e) => {
    api.mount(document.getElementById('ec2-widget'), {
      panels: ['ec2'], compact: true, region: 'eu-west-1',
      workload: { region: 'eu-west-1', ec2: { instance_type: 'm5.large', count: 2 } },
    });
    e.target.disabled = true;
  });
}

load().then(ready);
