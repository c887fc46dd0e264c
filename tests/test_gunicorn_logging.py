"""Gunicorn's access and error logs with hvhk.gunicorn_logging.Logger: the token of a family's private link
never reaches them, wherever the format puts the path; everything else is logged as gunicorn logs it."""

import datetime as dt
import logging
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from hvhk.gunicorn_logging import Logger

TOKEN = "x443HdrNx5GKEURsM0JfE1Pehty_S_U-"
FORMAT = (
    '%(h)s "%(r)s" %(s)s path=%(U)s query=%(q)s referer="%(f)s" ref_header=%({referer}i)s '
    "raw=%({raw_uri}e)s agent=%(a)s missing=%({x-not-sent}i)s"
)


@pytest.fixture
def logger(tmp_path):
    cfg = Config()
    cfg.set("logger_class", "hvhk.gunicorn_logging.Logger")
    cfg.set("accesslog", str(tmp_path / "access.log"))
    cfg.set("errorlog", str(tmp_path / "error.log"))
    cfg.set("access_log_format", FORMAT)
    assert cfg.logger_class is Logger  # what `--logger-class hvhk.gunicorn_logging.Logger` loads
    log = cfg.logger_class(cfg)
    yield log
    for handler in log.access_log.handlers + log.error_log.handlers:
        handler.close()
    for named in (log.access_log, log.error_log):
        named.handlers.clear()
        named.filters.clear()


def _request(path: str, referer: str = "-"):
    environ = {
        "REMOTE_ADDR": "127.0.0.1",
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": path.split("?")[0],
        "QUERY_STRING": path.partition("?")[2],
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": referer,
        "HTTP_USER_AGENT": "Firefox",
    }
    request = SimpleNamespace(headers=[("REFERER", referer), ("USER-AGENT", "Firefox")])
    response = SimpleNamespace(status="302 Found", sent=0, headers=[("Location", "/leuven/ask/jouw-vraag/")])
    return response, request, environ


@pytest.mark.parametrize(
    "path",
    [
        f"/leuven/ask/{TOKEN}/",
        f"/leuven/ask/{TOKEN}",  # typed without the final slash
        f"/leuven/ask/{TOKEN}/?utm_source=mail",
    ],
)
def test_the_access_log_holds_the_path_without_the_token(logger, tmp_path, path):
    logger.access(
        *_request(path, referer=f"https://hvhk.example/leuven/ask/{TOKEN}/"), dt.timedelta(seconds=1)
    )

    line = (tmp_path / "access.log").read_text()
    assert TOKEN not in line
    assert '"GET /leuven/ask/…' in line and "path=/leuven/ask/…" in line and "raw=/leuven/ask/…" in line
    assert (
        'referer="https://hvhk.example/leuven/ask/…/"' in line and "ref_header=https://hvhk.example/" in line
    )
    assert "agent=Firefox missing=-" in line and " 302 " in line  # the other atoms as gunicorn logs them


def test_other_paths_are_logged_as_they_are(logger, tmp_path):
    for path in ("/leuven/ask/jouw-vraag/intrekken/", "/leuven/services/?q=slapen+baby"):
        logger.access(*_request(path), dt.timedelta(seconds=1))

    log = (tmp_path / "access.log").read_text()
    assert '"GET /leuven/ask/jouw-vraag/intrekken/ HTTP/1.1"' in log
    assert "path=/leuven/services/ query=q=slapen+baby" in log


def test_the_error_log_holds_no_token_either(logger, tmp_path):
    logger.error("Invalid request from ip=127.0.0.1: bad header on /leuven/ask/%s/" % TOKEN)  # noqa: UP031
    try:
        raise ValueError(f"while serving /leuven/ask/{TOKEN}/")
    except ValueError:
        logger.exception(
            "Error handling request %s", f"/leuven/ask/{TOKEN}/"
        )  # as gunicorn's workers call it
    logger.setup(logger.cfg)  # a configuration reload adds no second filter

    log = (tmp_path / "error.log").read_text()
    assert "Error handling request /leuven/ask/…/" in log and "while serving /leuven/ask/…/" in log
    assert TOKEN not in log
    assert sum(isinstance(f, logging.Filter) for f in logger.error_log.filters) == 1


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        (f"/leuven/meetings/answer/{TOKEN}/", "/leuven/meetings/answer/…"),
        (f"/leuven/calendar/{TOKEN}.ics", "/leuven/calendar/…"),
        (f"/leuven/news/unsubscribe/{TOKEN}/", "/leuven/news/unsubscribe/…"),
    ],
)
def test_the_networks_private_links_lose_their_token_too(logger, tmp_path, path, kept):
    logger.access(*_request(path, referer="https://hvhk.example/"), dt.timedelta(seconds=1))

    line = (tmp_path / "access.log").read_text()
    assert TOKEN not in line
    assert f"path={kept}" in line
