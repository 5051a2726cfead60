"""`figures serve` keeps port 4200 across a restart: the port probe is the server's own bind."""
import socket

from flows.serve import free_port


def _port_in_time_wait() -> int:
    """A port whose server just closed a connection first: its socket sits in TIME_WAIT."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    client = socket.create_connection(("127.0.0.1", port))
    conn, _ = server.accept()
    conn.close()      # the server side closes first, as a stopping server does
    client.close()
    server.close()
    return port


def test_a_port_left_in_time_wait_by_a_stopped_server_is_taken_again():
    port = _port_in_time_wait()
    plain = socket.socket()
    try:  # the situation: a bind without SO_REUSEADDR is refused for about a minute
        plain.bind(("127.0.0.1", port))
        refused = False
    except OSError:
        refused = True
    finally:
        plain.close()
    assert refused
    assert free_port(port) == port


def test_a_port_something_listens_on_is_not_taken():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    try:
        port = listener.getsockname()[1]
        chosen = free_port(port)
        assert chosen != port and chosen > 0
    finally:
        listener.close()
