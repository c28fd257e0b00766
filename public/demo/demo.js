// The demo host listens to the assessment's events, as a provider's page would.
(function () {
  var el = document.getElementById('readiness');
  var status = document.getElementById('demo-status');
  el.addEventListener('soc-readiness:step', function (e) { status.textContent = 'Assessment step: ' + e.detail.step; });
  el.addEventListener('soc-readiness:completed', function (e) {
    status.textContent = 'Assessment completed: ' + e.detail.verdict + ' (' + e.detail.score + ')';
  });
})();
