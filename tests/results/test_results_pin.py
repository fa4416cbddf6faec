"""The counsellor PIN: scrypt hash with a random salt, constant-time check, never in clear."""

import pytest

from game.results import pin
from game.results.store import Store


def test_hash_and_verify():
    stored = pin.hash_pin("482913")
    scheme, n, r, p, salt, key = stored.split("$")
    assert scheme == "scrypt" and int(n) >= 2 ** 14 and int(r) == 8 and int(p) == 1
    assert pin.verify_pin("482913", stored)
    assert not pin.verify_pin("482914", stored)
    assert not pin.verify_pin("", stored)


def test_salts_differ_so_equal_pins_hash_differently():
    a, b = pin.hash_pin("482913"), pin.hash_pin("482913")
    assert a != b and pin.verify_pin("482913", a) and pin.verify_pin("482913", b)


@pytest.mark.parametrize("bad", ["", "12a4", "123", "1111", "1234567890123", " 1234"])
def test_weak_or_malformed_pins_are_refused(bad):
    assert pin.pin_problem(bad)
    with pytest.raises(pin.PinError):
        pin.hash_pin(bad)


@pytest.mark.parametrize("stored", ["", "plain$1234", "scrypt$x$8$1$AA==$AA==", "md5$1$1$1$AA==$AA==",
                                    "scrypt$16384$8$1$!!$AA=="])
def test_garbage_in_the_setting_never_verifies(stored):
    assert not pin.verify_pin("1234", stored)


def test_store_keeps_only_the_hash(tmp_path):
    path = tmp_path / "r.sqlite3"
    with Store.open(path=path) as store:
        assert not pin.is_set(store)
        pin.set_pin(store, "739164")
        assert pin.is_set(store)
        assert pin.check_pin(store, "739164") and not pin.check_pin(store, "739165")
        raw = store.get_setting(pin.SETTING)
        assert raw.startswith("scrypt$") and "739164" not in raw
        store.scrub()
        pin.clear_pin(store)
        assert not pin.is_set(store) and not pin.check_pin(store, "739164")


def test_throttle_slows_down_guessing():
    now = [0.0]
    t = pin.Throttle(clock=lambda: now[0])
    for _ in range(2):
        t.record(False)
    assert t.wait_s() == 0
    t.record(False)
    assert t.wait_s() == pytest.approx(5.0)
    t.record(False)
    assert t.wait_s() == pytest.approx(10.0)
    for _ in range(10):
        t.record(False)
    assert t.wait_s() == pytest.approx(60.0)
    now[0] += 61
    assert t.wait_s() == 0
    t.record(True)
    t.record(False)
    assert t.wait_s() == 0
