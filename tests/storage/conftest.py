"""A real S3-compatible server for the storage tests: moto in server mode on a loopback port (HTTP, the S3 API),
reached by django-storages through boto3 exactly as a production bucket (AWS, MinIO, Ceph) would be."""

from __future__ import annotations

import socket
import uuid

import boto3
import pytest
from moto.server import ThreadedMotoServer

from config.env import s3_storage

KEY, SECRET, REGION = "tdkt-test-key", "tdkt-test-secret", "us-east-1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


class Bucket:
    def __init__(self, endpoint: str, name: str):
        self.endpoint, self.name = endpoint, name
        self.client = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id=KEY, aws_secret_access_key=SECRET,
                                   region_name=REGION)
        self.client.create_bucket(Bucket=name)

    def storage_setting(self) -> dict:
        return s3_storage(self.name, self.endpoint, KEY, SECRET, REGION)

    def objects(self) -> dict[str, bytes]:
        listing = self.client.list_objects_v2(Bucket=self.name).get("Contents", [])
        return {item["Key"]: self.client.get_object(Bucket=self.name, Key=item["Key"])["Body"].read()
                for item in listing}


@pytest.fixture
def make_bucket(s3_endpoint):
    def make() -> Bucket:
        return Bucket(s3_endpoint, f"tdkt-{uuid.uuid4().hex[:12]}")
    return make


@pytest.fixture
def bucket(make_bucket, settings, tmp_path):
    """The default storage is a fresh bucket; MEDIA_ROOT points at a folder that must stay empty."""
    made = make_bucket()
    settings.STORAGES = {**settings.STORAGES, "default": made.storage_setting()}
    settings.MEDIA_ROOT = tmp_path / "local-disk-unused"
    yield made
    assert not (tmp_path / "local-disk-unused").exists() or not any((tmp_path / "local-disk-unused").rglob("*"))
