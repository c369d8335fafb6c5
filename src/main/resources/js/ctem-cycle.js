/*
 * The lead actions of a cycle's page (templates/cycle/cycle.vm), and the feed upload of the configuration page. Each form marked data-ctem-method is sent to the
 * app's REST API (/rest/ctem/1.0/), the one way the record is changed from outside, which checks the caller's
 * permission and the input again: this script only carries the form there and shows the answer, Jira-style.
 *  - JSON forms: each named field becomes a property ("a.b" nests, data-ctem-list splits lines into an array,
 *    data-ctem-flag is a boolean, checkboxes sharing a name are an array); empty fields are left out. A "{name}" in
 *    data-ctem-path takes that field's value instead.
 *  - Upload forms (data-ctem-upload): the file goes as multipart/form-data (with Jira's X-Atlassian-Token: no-check,
 *    which a multipart call to the REST API needs), the other fields as query parameters; progress is shown.
 * On success the page is reloaded with done=NAME (its message comes from the i18n bundle), except an import, whose
 * summary is shown in place. On refusal the API's message is shown above, and each error under the field it names.
 */
(function () {
    'use strict';

    // relative to the page: the cycle page's, unless the page names its own (the configuration page is a level deeper)
    function api() {
        var box = document.getElementById('ctem-api-message');
        return (box && box.dataset.ctemApi) || '../rest/ctem/1.0/';
    }

    function fields(form) {
        var named = [];
        Array.prototype.forEach.call(form.elements, function (element) {
            if (element.name && element.type !== 'submit' && element.type !== 'file') {
                named.push(element);
            }
        });
        // checkboxes outside the form that name it (the queue's selection)
        if (form.id) {
            Array.prototype.forEach.call(document.querySelectorAll('input[form="' + form.id + '"]'), function (e) {
                if (named.indexOf(e) < 0) {
                    named.push(e);
                }
            });
        }
        return named;
    }

    function put(body, name, value) {
        var path = name.split('.');
        var target = body;
        for (var i = 0; i < path.length - 1; i++) {
            target[path[i]] = target[path[i]] || {};
            target = target[path[i]];
        }
        target[path[path.length - 1]] = value;
    }

    function values(form) {
        var body = {};
        fields(form).forEach(function (element) {
            if (element.type === 'checkbox') {
                if (element.dataset.ctemFlag) {
                    put(body, element.name, element.checked);
                } else if (element.checked) {
                    (body[element.name] = body[element.name] || []).push(element.value);
                }
                return;
            }
            var value = element.value.trim();
            if (value === '') {
                return;
            }
            put(body, element.name, element.dataset.ctemList
                ? value.split(/\r?\n/).map(function (line) { return line.trim(); }).filter(Boolean) : value);
        });
        return body;
    }

    function path(form, body) {
        return form.dataset.ctemPath.replace(/\{(\w+)\}/g, function (whole, name) {
            var value = body[name] || '';
            delete body[name];
            return encodeURIComponent(value);
        });
    }

    function message(kind, text, items) {
        var box = document.getElementById('ctem-api-message');
        box.innerHTML = '';
        var div = document.createElement('div');
        div.className = 'aui-message aui-message-' + kind;
        div.id = 'ctem-api-' + kind;
        var p = document.createElement('p');
        p.textContent = text;
        div.appendChild(p);
        if (items && items.length) {
            var ul = document.createElement('ul');
            items.forEach(function (item) {
                var li = document.createElement('li');
                li.textContent = item;
                ul.appendChild(li);
            });
            div.appendChild(ul);
        }
        box.appendChild(div);
        box.scrollIntoView();
    }

    function clearErrors(form) {
        Array.prototype.forEach.call(form.querySelectorAll('.error[data-ctem-field]'), function (e) {
            e.parentNode.removeChild(e);
        });
    }

    /** The API's error: its message on top, each error under the field it names (the field named in full). */
    function refused(form, status, text) {
        var box = document.getElementById('ctem-api-message');
        var answer;
        try {
            answer = JSON.parse(text);
        } catch (e) {
            answer = {message: 'HTTP ' + status, errors: []};
        }
        var errors = answer.errors || [];
        message('error', box.dataset.refused + ' ' + (answer.message || ('HTTP ' + status)),
            errors.map(function (e) { return e.field + ': ' + e.message; }));
        errors.forEach(function (error) {
            var input = form.querySelector('[name="' + error.field + '"]');
            if (input && input.parentNode) {
                var div = document.createElement('div');
                div.className = 'error';
                div.dataset.ctemField = error.field;
                div.textContent = error.field + ': ' + error.message;
                input.parentNode.appendChild(div);
            }
        });
    }

    function done(form) {
        var here = new URL(window.location.href);
        here.searchParams.set('done', form.dataset.ctemDone);
        here.searchParams.delete('advanced');
        here.searchParams.delete('section');
        here.searchParams.delete('after');
        here.hash = '';
        window.location.assign(here.toString());
    }

    function importSummary(text) {
        var summary = JSON.parse(text).summary || {};
        var box = document.getElementById('ctem-import-summary');
        Array.prototype.forEach.call(box.querySelectorAll('[data-ctem-summary]'), function (dd) {
            dd.textContent = String(summary[dd.dataset.ctemSummary]);
        });
        box.hidden = false;
        box.scrollIntoView();
    }

    function send(form) {
        var body = values(form);
        var upload = form.dataset.ctemUpload === 'true';
        var url = api() + path(form, body);
        var request = new XMLHttpRequest();
        var payload;
        if (upload) {
            var query = Object.keys(body).map(function (name) {
                return encodeURIComponent(name) + '=' + encodeURIComponent(body[name]);
            }).join('&');
            request.open('POST', url + (query ? '?' + query : ''));
            request.setRequestHeader('X-Atlassian-Token', 'no-check');
            payload = new FormData();
            var file = form.querySelector('input[type=file]');
            if (file.files.length > 0) {
                payload.append(file.name, file.files[0], file.files[0].name);
            }
            var progress = form.querySelector('progress');
            if (progress) {
                progress.hidden = false;
                request.upload.onprogress = function (event) {
                    if (event.lengthComputable) {
                        progress.value = Math.round(100 * event.loaded / event.total);
                        progress.textContent = progress.value + '%';
                    }
                };
            }
        } else {
            request.open(form.dataset.ctemMethod, url);
            request.setRequestHeader('Content-Type', 'application/json');
            payload = JSON.stringify(body);
        }
        request.setRequestHeader('Accept', 'application/json');
        request.onload = function () {
            form.classList.remove('ctem-busy');
            if (request.status >= 200 && request.status < 300) {
                if (form.dataset.ctemDone === 'import') {
                    importSummary(request.responseText);
                } else {
                    done(form);
                }
            } else {
                refused(form, request.status, request.responseText);
            }
        };
        request.onerror = function () {
            form.classList.remove('ctem-busy');
            message('error', document.getElementById('ctem-api-message').dataset.failed);
        };
        form.classList.add('ctem-busy');
        request.send(payload);
    }

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!form.dataset || !form.dataset.ctemMethod) {
            return;
        }
        event.preventDefault();
        clearErrors(form);
        send(form);
    });
}());
