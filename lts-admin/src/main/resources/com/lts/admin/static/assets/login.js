translatePage();
document.getElementById('login-form').addEventListener('submit', function (event) {
  event.preventDefault();
  var message = document.getElementById('message');
  message.textContent = '';
  fetch('/api/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({
      username: document.getElementById('username').value,
      password: document.getElementById('password').value
    })
  }).then(function (response) {
    if (response.ok) {
      location.href = '/main.html';
      return null;
    }
    return response.json().then(function (body) { message.textContent = body.error || response.statusText; });
  }).catch(function (e) { message.textContent = String(e); });
});
