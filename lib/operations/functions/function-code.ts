import type { FunctionCode } from '@aws-sdk/client-lambda';
import { unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { invalidParameter } from '../../errors/service-error';
import type { StoredCode } from '../../store/records';

/** Uploaded code as stored, with the `CodeSha256` and `CodeSize` the service reports for it. */
export interface UploadedCode {
  readonly code: StoredCode;
  readonly sha256: string;
  readonly size: number;
}

const IMAGE_URI = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[a-z0-9._/-]+(:[\w.-]{1,128}|@sha256:[a-f0-9]{64})$/;

const sha256Base64 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('base64');

const toBytes = (blob: Uint8Array | string): Uint8Array =>
  typeof blob === 'string' ? new TextEncoder().encode(blob) : blob;

function readZip(blob: Uint8Array | string): UploadedCode {
  const bytes = toBytes(blob);
  try {
    // Reads the central directory only: nothing is inflated.
    unzipSync(bytes, { filter: () => false });
  } catch {
    throw invalidParameter('Could not unzip uploaded file. Please check your file, then try to upload again.');
  }
  return {
    code: { zipFileBase64: Buffer.from(bytes).toString('base64') },
    sha256: sha256Base64(bytes),
    size: bytes.byteLength,
  };
}

/**
 * Reads a deployment package as the service does: a zip (inline, or an S3 location that is taken
 * as given, since there is no S3 here) for `Zip` functions, an ECR image URI for `Image` functions.
 */
export function readCode(code: Partial<FunctionCode> & { ImageUri?: string }, packageType: 'Zip' | 'Image'): UploadedCode {
  if (packageType === 'Image') {
    const uri = code.ImageUri;
    if (uri === undefined) throw invalidParameter('Please provide ImageUri when updating a function with packageType Image.');
    if (!IMAGE_URI.test(uri)) throw invalidParameter(`Source image ${uri} is not valid. Provide a valid source image.`);
    return { code: { imageUri: uri }, sha256: sha256Base64(uri), size: 0 };
  }
  if (code.ImageUri !== undefined) {
    throw invalidParameter('Please don\'t provide ImageUri when updating a function with packageType Zip.');
  }
  if (code.ZipFile !== undefined) {
    if (code.S3Bucket !== undefined || code.S3Key !== undefined) {
      throw invalidParameter('Please do not provide other FunctionCode parameters when providing a ZipFile.');
    }
    return readZip(code.ZipFile as Uint8Array | string);
  }
  if (code.S3Bucket !== undefined && code.S3Key !== undefined) {
    const location = `s3://${code.S3Bucket}/${code.S3Key}${code.S3ObjectVersion ? `?versionId=${code.S3ObjectVersion}` : ''}`;
    return {
      code: { s3: { bucket: code.S3Bucket, key: code.S3Key, ...(code.S3ObjectVersion ? { objectVersion: code.S3ObjectVersion } : {}) } },
      sha256: sha256Base64(location),
      size: 0,
    };
  }
  throw invalidParameter('Please provide a source for function code.');
}
